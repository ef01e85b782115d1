import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, release, type } from 'node:os';
import { join } from 'node:path';
import type { BenchRow } from './harness.ts';

/** Ours must at least match the anchor now, and beat it by half later. */
export const GOAL_NOW = 1.0;
export const GOAL_LATER = 1.5;

export interface Machine {
  readonly os: string;
  readonly cpu: string;
  readonly cores: number;
  readonly node: string;
  readonly postgres: string;
}

export interface ReportRow extends BenchRow {
  readonly ratio: number;
  readonly goal: string;
  readonly status: 'meets later goal' | 'meets goal' | 'below goal';
}

export interface BenchReport {
  readonly date: string;
  /** Rows re-measured after `date` by a partial run (`npm run bench -- --merge …`), each with when. */
  readonly updates?: readonly { readonly date: string; readonly benchmarks: readonly string[] }[];
  readonly quick: boolean;
  readonly anchor: string;
  readonly machine: Machine;
  readonly rows: readonly ReportRow[];
}

export function machineInfo(postgres: string): Machine {
  return {
    os: `${type()} ${release()}`,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    node: process.version,
    postgres,
  };
}

export function toReportRow(row: BenchRow): ReportRow {
  if (row.target) {
    return { ...row, ratio: Number.NaN, goal: row.target.text, status: row.target.met ? 'meets goal' : 'below goal' };
  }
  const ratio = row.ours / row.anchor;
  const status = ratio >= GOAL_LATER ? 'meets later goal' : ratio >= GOAL_NOW ? 'meets goal' : 'below goal';
  return { ...row, ratio, goal: `≥ ${GOAL_NOW.toFixed(1)}× now, ${GOAL_LATER.toFixed(1)}× later`, status };
}

const figure = (value: number, unit: string) =>
  Number.isNaN(value)
    ? '—'
    : `${value.toLocaleString('en-US', { maximumFractionDigits: value < 100 ? 1 : 0 })} ${unit}`;

/** Whole numbers from 100 up; three significant digits below, so a ratio of 0.72 does not print as 1. */
const roundFigure = (value: number) => (Math.abs(value) >= 100 ? Math.round(value) : Number(value.toPrecision(3)));

export function formatTable(rows: readonly ReportRow[]): string {
  const header = ['benchmark', 'anchor (Emmett)', 'ours', 'ratio (ours/anchor)', 'goal', 'status'];
  const lines = rows.map((r) => [
    r.benchmark,
    figure(r.anchor, r.unit),
    figure(r.ours, r.unit),
    Number.isNaN(r.ratio) ? '—' : `${r.ratio.toFixed(2)}×`,
    r.goal,
    r.status,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const render = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [render(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(render)].join('\n');
}

export function formatMarkdown(report: BenchReport): string {
  const m = report.machine;
  return [
    `# Benchmarks${report.quick ? ' (quick mode: tiny sizes, not comparable)' : ''}`,
    '',
    `- date: ${report.date}`,
    ...(report.updates ?? []).map(
      (update) => `- rows re-measured in a partial run on ${update.date}: ${update.benchmarks.join('; ')}`,
    ),
    `- anchor: ${report.anchor}`,
    `- machine: ${m.os}; ${m.cpu}, ${m.cores} cores; Node ${m.node}; PostgreSQL ${m.postgres}`,
    '- figures: median of the measured rounds (higher is better); rounds alternate anchor/ours in ABBA order after a warm-up',
    '',
    formatTable(report.rows),
    '',
    '## How each row was measured',
    '',
    ...report.rows.map(
      (r) =>
        `- **${r.benchmark}**: ${r.note}. Rounds: ${r.anchorSamples.length ? `anchor ${r.anchorSamples.map(roundFigure).join(', ')}; ` : ''}ours ${r.oursSamples.map(roundFigure).join(', ')} ${r.unit}.`,
    ),
    '',
  ].join('\n');
}

export async function writeReport(report: BenchReport, directory: string): Promise<string[]> {
  await mkdir(directory, { recursive: true });
  const base = report.quick ? 'latest-quick' : 'latest';
  const json = join(directory, `${base}.json`);
  const md = join(directory, `${base}.md`);
  await writeFile(json, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(md, formatMarkdown(report));
  return [json, md];
}

/**
 * The recorded report with the partial run's rows in place of the old ones of the same benchmarks
 * (and new rows added), the partial run named in the header: each row is still one run's figures.
 */
export async function mergedReport(directory: string, partial: BenchReport, filters: readonly string[]) {
  const stored = JSON.parse(await readFile(join(directory, 'latest.json'), 'utf8')) as BenchReport;
  // JSON wrote NaN (no anchor, no ratio) as null.
  const nan = (value: number | null) => value ?? Number.NaN;
  const recorded = {
    ...stored,
    rows: stored.rows.map((row) => ({ ...row, anchor: nan(row.anchor), ours: nan(row.ours), ratio: nan(row.ratio) })),
  };
  const fresh = new Map(partial.rows.map((row) => [row.benchmark, row]));
  const rows: ReportRow[] = recorded.rows.map((row) => fresh.get(row.benchmark) ?? row);
  for (const row of partial.rows) if (!recorded.rows.some((old) => old.benchmark === row.benchmark)) rows.push(row);
  const update = { date: partial.date, benchmarks: [`${filters.join(', ')} (${partial.rows.length} rows)`] };
  return { ...recorded, machine: partial.machine, rows, updates: [...(recorded.updates ?? []), update] };
}
