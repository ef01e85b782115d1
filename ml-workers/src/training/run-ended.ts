import type { RunStatus } from './training-run.ts';

/** The run stopped being the avatar's running run (stopped by the user, avatar deleted…): the trainer lets go. */
export class RunEnded extends Error {
  override readonly name = 'RunEnded';
  readonly status: RunStatus;
  constructor(status: RunStatus) {
    super(`The training run is no longer running (${status})`);
    this.status = status;
  }
}
