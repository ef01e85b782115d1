import { type WorkerKind, workerKinds } from './workers-role.ts';

export class WorkerSelectionConfigError extends Error {
  override readonly name = 'WorkerSelectionConfigError';
}

/** BISHOP_START_WORKERS → the worker kinds `bishop start` runs in-process; an unknown kind is named. */
export function selectedWorkerKinds(setting: string): WorkerKind[] {
  if (setting === 'all') return [...workerKinds];
  if (setting === 'none') return [];
  const kinds = setting.split(',');
  const unknown = kinds.filter((kind) => !(workerKinds as readonly string[]).includes(kind));
  if (unknown.length > 0) {
    throw new WorkerSelectionConfigError(
      `BISHOP_START_WORKERS names unknown worker kinds (${unknown.join(', ')}); known: ${workerKinds.join(', ')}`,
    );
  }
  return [...new Set(kinds)] as WorkerKind[];
}
