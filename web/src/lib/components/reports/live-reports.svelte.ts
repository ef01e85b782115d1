import { SvelteMap } from 'svelte/reactivity';
import type { AvatarTestStep, TestReportFieldsFragment } from '$lib/graphql/generated/graphql.ts';

export interface TestProgress {
  readonly step: AvatarTestStep;
  readonly percent: number;
}

/**
 * An avatar's test reports as loaded, updated by `testChanged`: a test that
 * starts shows as running, its progress follows the worker's signals, and its
 * report replaces it when it lands.
 */
export class LiveReports {
  readonly #changed = new SvelteMap<string, TestReportFieldsFragment>();
  readonly #progress = new SvelteMap<string, TestProgress>();

  /** Loaded reports with what changed since, newest version first. */
  merged(loaded: readonly TestReportFieldsFragment[]): TestReportFieldsFragment[] {
    const byRun = new Map(loaded.map((report) => [report.runId, report]));
    for (const [runId, report] of this.#changed) byRun.set(runId, report);
    return [...byRun.values()].sort((a, b) => b.personaVersion - a.personaVersion);
  }

  progressOf(runId: string): TestProgress | null {
    return this.#progress.get(runId) ?? null;
  }

  apply(report: TestReportFieldsFragment, progress: TestProgress | null): void {
    this.#changed.set(report.runId, report);
    if (report.status !== 'RUNNING') this.#progress.delete(report.runId);
    else if (progress) this.#progress.set(report.runId, progress);
  }
}
