import { type Failure, isDomainError } from '@bishop/domain';

/**
 * A failure retrying cannot fix (unreadable file, unsupported content): the
 * worker gives up at once. It carries the reason a person will read.
 */
export class PermanentJobError extends Error {
  override readonly name = 'PermanentJobError';
  readonly failure: Failure;
  constructor(failure: Failure, options?: { cause?: unknown }) {
    super(failure.reason, options);
    this.failure = failure;
  }
}

/**
 * Not a failure: the job did its part and asks to run again after `delayMs`
 * (e.g. a second sweep once late writers are done). It is handed back to the
 * bus without a warning and without the failure backoff.
 */
export class RunAgainLater extends Error {
  override readonly name = 'RunAgainLater';
  readonly delayMs: number;
  constructor(reason: string, delayMs: number) {
    super(reason);
    this.delayMs = delayMs;
  }
}

/**
 * Permanent: a PermanentJobError, or a command the domain rejected (its
 * decision will not change on retry), except a concurrent change.
 */
export function isPermanentFailure(error: unknown): boolean {
  if (error instanceof PermanentJobError) return true;
  return isDomainError(error) && error.code !== 'BISHOP_ERR_CONCURRENT_CHANGE';
}

/** The reason to record in a *Failed event: the error's own when it has one, else a plain sentence. */
export function failureOf(error: unknown, attempts: number): Failure {
  if (error instanceof PermanentJobError) return error.failure;
  if (isDomainError(error)) return { reasonCode: error.code.replace(/^BISHOP_ERR_/, ''), reason: error.message };
  return {
    reasonCode: 'PROCESSING_FAILED',
    reason: `Processing failed ${attempts} time(s); the last error was: ${String((error as Error)?.message ?? error).slice(0, 500)}`,
  };
}
