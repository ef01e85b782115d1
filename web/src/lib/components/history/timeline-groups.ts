import { formatDate } from '$lib/format.ts';
import { type Entry, runOf } from './timeline-text.ts';

/** One line of the history: an entry, or a training run with every step of it folded inside. */
export type Line =
  | { readonly kind: 'entry'; readonly entry: Entry }
  | { readonly kind: 'run'; readonly runId: string; readonly newest: Entry; readonly steps: Entry[] };

/**
 * The entries (newest first) by day, each training run folded into one line at its newest
 * entry: a run's eight "reached stage" lines, its test and its version are one story.
 */
export function historyDays(entries: readonly Entry[]): { day: string; lines: Line[] }[] {
  const runs = new Map<string, Extract<Line, { kind: 'run' }>>();
  const days: { day: string; lines: Line[] }[] = [];
  for (const entry of entries) {
    const runId = runOf(entry);
    const known = runId ? runs.get(runId) : undefined;
    if (known) {
      known.steps.push(entry);
      continue;
    }
    const line: Line = runId ? { kind: 'run', runId, newest: entry, steps: [entry] } : { kind: 'entry', entry };
    if (line.kind === 'run') runs.set(line.runId, line);
    const day = formatDate(entry.occurredAt);
    const last = days.at(-1);
    if (last?.day === day) last.lines.push(line);
    else days.push({ day, lines: [line] });
  }
  return days;
}
