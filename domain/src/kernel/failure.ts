import { DomainError } from './errors.ts';
import { validText } from './text.ts';

/** Why a job failed: a stable code for programs and a sentence for people. */
export type Failure = { reasonCode: string; reason: string };

const REASON_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

export function validFailure(failure: Failure): Failure {
  if (typeof failure.reasonCode !== 'string' || !REASON_CODE.test(failure.reasonCode)) {
    throw new DomainError(
      'BISHOP_ERR_INVALID_VALUE',
      'Failure reason code must be an UPPER_SNAKE_CASE word of at most 64 characters',
      { field: 'reasonCode' },
    );
  }
  return {
    reasonCode: failure.reasonCode,
    reason: validText(failure.reason, { field: 'Failure reason', maxLength: 1000 }),
  };
}
