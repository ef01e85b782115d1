import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '@bishop/domain';
import type { RecordedEvent } from '@bishop/domain/ports';
import {
  backoffDelay,
  deterministicUuid,
  failureOf,
  isPermanentFailure,
  jobCommandId,
  jobCommandMetadata,
  PermanentJobError,
} from '../src/runtime/index.ts';

const job = (eventId: string): RecordedEvent => ({
  type: 'MaterialUploaded',
  data: { materialId: 'm1' },
  metadata: {
    eventId,
    commandId: 'c1',
    correlationId: 'corr-1',
    causationId: 'c1',
    actorId: 'user:u1',
    schemaVersion: 2,
    occurredAt: '2026-11-24T12:00:00.000Z',
  },
  streamName: 'avatar-a1',
  revision: 1n,
  position: 42n,
  recordedAt: new Date('2026-11-24T12:00:00.000Z'),
});

describe('worker runtime: job command ids', () => {
  it('derives the same UUID as the command bus does from the same parts', () => {
    // Vector computed with deterministicUuid from @bishop/commands, which ml-workers may not import.
    assert.equal(
      deterministicUuid('job', 'e0f1b7c2-9a4d-4c1e-8f3a-2b5d6c7e8f90', 'transcribe'),
      '803672e6-ff14-8263-92bc-7b47f44d0dc4',
    );
  });

  it('gives a redelivered job the same id per step, and different steps and jobs different ids', () => {
    const first = job('e0f1b7c2-9a4d-4c1e-8f3a-2b5d6c7e8f90');
    assert.equal(jobCommandId(first, 'record'), jobCommandId({ ...first }, 'record'));
    assert.notEqual(jobCommandId(first, 'record'), jobCommandId(first, 'fail'));
    assert.notEqual(jobCommandId(first, 'record'), jobCommandId(job('7d1f6a0e-0000-4000-8000-000000000001'), 'record'));
    assert.match(
      jobCommandId(first, 'record'),
      /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('builds command metadata: system actor, the job as cause, its correlation kept', () => {
    const metadata = jobCommandMetadata(job('e1'), 'fail', 'extract', new Date('2026-11-24T13:00:00.000Z'));
    assert.deepEqual(metadata, {
      commandId: jobCommandId(job('e1'), 'fail'),
      actor: { kind: 'system', service: 'extract' },
      now: '2026-11-24T13:00:00.000Z',
      correlationId: 'corr-1',
      causationId: 'e1',
    });
  });
});

describe('worker runtime: retries and failures', () => {
  it('doubles the backoff per delivery up to the cap', () => {
    const backoff = { initialMs: 100, maxMs: 1000 };
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6].map((delivery) => backoffDelay(delivery, backoff)),
      [100, 200, 400, 800, 1000, 1000],
    );
  });

  it('treats PermanentJobError and domain rejections as permanent, other errors and concurrent changes as transient', () => {
    assert.equal(
      isPermanentFailure(new PermanentJobError({ reasonCode: 'EMPTY_FILE', reason: 'The file is empty' })),
      true,
    );
    assert.equal(isPermanentFailure(new DomainError('BISHOP_ERR_DELETED', 'The avatar was deleted')), true);
    assert.equal(isPermanentFailure(new DomainError('BISHOP_ERR_CONCURRENT_CHANGE', 'Try again')), false);
    assert.equal(isPermanentFailure(new Error('ECONNRESET')), false);
  });

  it('words the failure to record: the error’s own reason, else a sentence with the last error', () => {
    const own = { reasonCode: 'UNREADABLE_FILE', reason: 'The PDF is damaged' };
    assert.deepEqual(failureOf(new PermanentJobError(own), 1), own);
    assert.deepEqual(failureOf(new DomainError('BISHOP_ERR_DELETED', 'The avatar was deleted'), 1), {
      reasonCode: 'DELETED',
      reason: 'The avatar was deleted',
    });
    assert.deepEqual(failureOf(new Error('model server timed out'), 3), {
      reasonCode: 'PROCESSING_FAILED',
      reason: 'Processing failed 3 time(s); the last error was: model server timed out',
    });
  });
});
