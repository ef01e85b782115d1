import { RunEnded } from './run-ended.ts';
import type { TrainingRunView } from './training-run.ts';

/**
 * Between steps of a run: re-reads the avatar stream (at most every
 * `everyMs`, and always when `force`d) and throws RunEnded once the run is no
 * longer running, or the job's abort when the worker is shutting down.
 */
export function runCheckpoint(
  refresh: () => Promise<TrainingRunView>,
  options: { everyMs: number; signal: AbortSignal; now?: () => number },
) {
  const now = options.now ?? (() => performance.now());
  let lastCheck = now();
  return async (force = false): Promise<TrainingRunView | undefined> => {
    options.signal.throwIfAborted();
    if (!force && now() - lastCheck < options.everyMs) return undefined;
    lastCheck = now();
    const view = await refresh();
    if (view.status !== 'running') throw new RunEnded(view.status);
    return view;
  };
}
