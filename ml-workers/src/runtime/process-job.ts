import { type BusMessage, decodeRelayedEvent, type RecordedEvent } from '@bishop/domain/ports';
import { type Backoff, backoffDelay } from './backoff.ts';
import { failureOf, PermanentJobError, RunAgainLater } from './job-failures.ts';
import type { WorkerLogger } from './worker-logger.ts';

export interface JobContext {
  /** Restarts the ack-wait timer; also sent automatically every ackWait/3 while the handler runs. */
  readonly working: () => void;
  /** Aborted when the worker stops and the job outlives the drain timeout. */
  readonly signal: AbortSignal;
  /** 1 on the first attempt. */
  readonly deliveryCount: number;
  readonly subject: string;
}

export interface JobPolicy {
  readonly durable: string;
  readonly ackWaitMs: number;
  /** Attempts at `handle` before giving up. */
  readonly maxDeliver: number;
  /** Deliveries the bus makes in all: beyond maxDeliver, only to retry recording the failure. */
  readonly busMaxDeliver: number;
  readonly backoff: Backoff;
  readonly handle: (job: RecordedEvent, context: JobContext) => Promise<void>;
  readonly onGiveUp: (job: RecordedEvent, error: unknown) => Promise<void>;
  readonly decrypt: (event: RecordedEvent) => Promise<RecordedEvent>;
  readonly isPermanent: (error: unknown) => boolean;
  readonly logger: WorkerLogger;
}

/**
 * One delivery of a job: decode, run the handler with heartbeats, then ack on
 * success; nak with backoff on a transient failure; on a permanent one (or the
 * last attempt) record it through onGiveUp and term. When `abandon` fires (the
 * worker stopped and stopped waiting), the job is handed back to the bus at once.
 */
export async function processJob(message: BusMessage, policy: JobPolicy, abandon: AbortSignal): Promise<void> {
  const { logger } = policy;
  const started = performance.now();
  const fields = {
    durable: policy.durable,
    subject: message.subject,
    seq: message.seq,
    msgId: message.msgId,
    delivery: message.deliveryCount,
  };
  let job: RecordedEvent;
  try {
    job = decodeRelayedEvent(message.data);
  } catch (error) {
    logger.error({ ...fields, err: error }, 'dropping a bus message that is not a relayed event');
    message.term('not a relayed event');
    return;
  }
  const heartbeat = setInterval(() => message.working(), Math.max(1, Math.floor(policy.ackWaitMs / 3)));
  const handBack = () => {
    clearInterval(heartbeat);
    message.nak();
  };
  abandon.addEventListener('abort', handBack, { once: true });
  let failure: { error: unknown } | undefined;
  try {
    const context = {
      working: () => message.working(),
      signal: abandon,
      deliveryCount: message.deliveryCount,
      subject: message.subject,
    };
    job = await policy.decrypt(job);
    if (message.deliveryCount > policy.maxDeliver) throw neverFinished(message.deliveryCount - 1);
    await policy.handle(job, context);
  } catch (error) {
    failure = { error };
  } finally {
    clearInterval(heartbeat);
    abandon.removeEventListener('abort', handBack);
  }
  if (abandon.aborted) return;
  if (failure?.error instanceof RunAgainLater) {
    logger.info({ ...fields, runAgainInMs: failure.error.delayMs }, failure.error.message);
    message.nak(failure.error.delayMs);
    return;
  }
  if (failure) return settleFailure(message, job, failure.error, policy, fields);
  await message.ack().then(
    // One line per finished job: operators (and the distributed tests) see which process ran what, and for how long.
    () => logger.info({ ...fields, ms: Math.round(performance.now() - started) }, 'job done'),
    (error) => logger.warn({ ...fields, err: error }, 'job done but its ack failed; the bus may deliver it again'),
  );
}

/**
 * A delivery beyond maxDeliver means no attempt settled: each time, the process stopped during the job (out of
 * memory on a hostile file, killed, restarted) or could not record its failure. Running it again would only
 * stop the worker again, so the failure is recorded instead (the worker's onGiveUp skips a job gone stale) and
 * the material, reply or run does not stay "in progress" for ever.
 */
function neverFinished(attempts: number): PermanentJobError {
  return new PermanentJobError({
    reasonCode: 'INTERRUPTED',
    reason: `It was interrupted ${attempts} times before it could finish: its worker stopped during it each time (out of memory, or the process was stopped); start it again`,
  });
}

async function settleFailure(
  message: BusMessage,
  job: RecordedEvent,
  error: unknown,
  policy: JobPolicy,
  fields: object,
) {
  const { logger } = policy;
  const retryIn = backoffDelay(message.deliveryCount, policy.backoff);
  if (!policy.isPermanent(error) && message.deliveryCount < policy.maxDeliver) {
    logger.warn({ ...fields, err: error, retryInMs: retryIn }, 'job failed; it will be retried');
    message.nak(retryIn);
    return;
  }
  try {
    await policy.onGiveUp(job, error);
    message.term(failureOf(error, message.deliveryCount).reason);
    logger.warn({ ...fields, err: error }, 'job gave up; its failure is recorded');
  } catch (giveUpError) {
    // The failure is not recorded yet: keep the job, so it is tried (and recorded) again.
    const last = message.deliveryCount >= policy.busMaxDeliver;
    logger.error(
      { ...fields, err: giveUpError, jobError: error, retryInMs: retryIn },
      last ? 'recording a failed job failed on its last delivery; the bus drops it' : 'recording a failed job failed',
    );
    message.nak(retryIn);
  }
}
