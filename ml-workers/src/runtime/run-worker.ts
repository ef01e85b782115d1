import { setTimeout as sleep } from 'node:timers/promises';
import type { Bus, RecordedEvent } from '@bishop/domain/ports';
import { type Backoff, DEFAULT_BACKOFF } from './backoff.ts';
import { isPermanentFailure } from './job-failures.ts';
import { type JobContext, type JobPolicy, processJob } from './process-job.ts';
import { stderrLogger, type WorkerLogger } from './worker-logger.ts';

export interface BusWorkerOptions {
  readonly bus: Bus;
  /** Durable consumer name: every process running this worker shares its jobs. */
  readonly durable: string;
  readonly subjects: readonly string[];
  /** Jobs run at once by this process (also the consumer's maxAckPending). */
  readonly concurrency: number;
  readonly ackWaitMs: number;
  /** Attempts at `handle` before `onGiveUp`. */
  readonly maxDeliver: number;
  readonly handle: (job: RecordedEvent, context: JobContext) => Promise<void>;
  /** Records the failure (a *Failed command with a readable reason); the job is then terminated. */
  readonly onGiveUp: (job: RecordedEvent, error: unknown) => Promise<void>;
  /** Personal fields travel encrypted; this opens them (default: the event as relayed). */
  readonly decrypt?: (event: RecordedEvent) => Promise<RecordedEvent>;
  readonly isPermanent?: (error: unknown) => boolean;
  readonly backoff?: Backoff;
  /** How long stop() waits for running jobs (default 30 s); later they are handed back to the bus. */
  readonly drainTimeoutMs?: number;
  readonly logger?: WorkerLogger;
}

export interface RunningWorker {
  /** Stops fetching, lets running jobs finish (up to the drain timeout) and settles them. */
  stop(): Promise<void>;
  /** Jobs running now. */
  readonly running: number;
}

/** Extra deliveries, beyond maxDeliver, in which only recording the failure is retried. */
const GIVE_UP_RETRIES = 5;
const RESTART_DELAY_MS = 1000;

/**
 * Pulls jobs from a durable consumer and runs them with bounded concurrency until stopped. Workers
 * use the typed `runWorker` (event-worker.ts); this raw form serves subjects outside the catalogue.
 */
export function runBusWorker(options: BusWorkerOptions): RunningWorker {
  if (!Number.isSafeInteger(options.concurrency) || options.concurrency < 1) {
    throw new Error(`Worker ${options.durable}: concurrency must be a positive integer (got ${options.concurrency})`);
  }
  const logger = options.logger ?? stderrLogger;
  const policy: JobPolicy = {
    durable: options.durable,
    ackWaitMs: options.ackWaitMs,
    maxDeliver: options.maxDeliver,
    busMaxDeliver: options.maxDeliver + GIVE_UP_RETRIES,
    backoff: options.backoff ?? DEFAULT_BACKOFF,
    handle: options.handle,
    onGiveUp: options.onGiveUp,
    decrypt: options.decrypt ?? (async (event) => event),
    isPermanent: options.isPermanent ?? isPermanentFailure,
    logger,
  };
  const stopping = new AbortController();
  const stopped = new Promise<void>((resolve) => stopping.signal.addEventListener('abort', () => resolve()));
  const abandon = new AbortController();
  const jobs = new Set<Promise<void>>();
  let closeConsumer = async () => {};

  function start(job: Promise<void>) {
    const tracked = job
      .catch((error) => logger.error({ err: error }, 'job runner failed'))
      .finally(() => jobs.delete(tracked));
    jobs.add(tracked);
  }

  async function pullJobs(): Promise<void> {
    const consumer = options.bus.consume({
      durable: options.durable,
      subjects: options.subjects,
      ackWaitMs: options.ackWaitMs,
      maxDeliver: policy.busMaxDeliver,
      maxAckPending: options.concurrency,
    });
    closeConsumer = () => consumer.close();
    const messages = consumer[Symbol.asyncIterator]();
    try {
      while (!stopping.signal.aborted) {
        // Ask for a job only with a free slot, so none waits here with its ack timer running.
        while (jobs.size >= options.concurrency && !stopping.signal.aborted) await Promise.race([...jobs, stopped]);
        if (stopping.signal.aborted) return;
        const next = await messages.next();
        if (next.done) return;
        start(processJob(next.value, policy, abandon.signal));
      }
    } finally {
      await consumer.close();
    }
  }

  // A failing consumer (bus down, config rejected) is logged and opened again, never left hanging.
  const loop = (async () => {
    while (!stopping.signal.aborted) {
      await pullJobs().catch(async (error) => {
        logger.error({ err: error, durable: options.durable }, 'worker consumer failed; restarting it');
        await sleep(RESTART_DELAY_MS, undefined, { signal: stopping.signal }).catch(() => {});
      });
    }
  })();

  return {
    get running() {
      return jobs.size;
    },
    async stop() {
      stopping.abort();
      await closeConsumer();
      await loop;
      const drainTimeoutMs = options.drainTimeoutMs ?? 30_000;
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), drainTimeoutMs);
      });
      const outcome = await Promise.race([Promise.all(jobs), timedOut]);
      clearTimeout(timer);
      if (outcome === 'timeout') {
        // Their handlers see the abort; their messages go back to the bus for another worker.
        abandon.abort();
        logger.warn({ durable: options.durable, jobs: jobs.size }, 'worker stopped with jobs still running');
      }
    },
  };
}
