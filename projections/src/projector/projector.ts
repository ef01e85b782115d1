import { batchesOf, type ChangeNotice } from '@bishop/domain';
import type { EventStore, EventSubscription, RecordedEvent } from '@bishop/domain/ports';
import type { Kysely } from 'kysely';
import { type ProjectionStall, readCheckpoint, recordStall } from '../checkpoints/checkpoint.queries.ts';
import { DEFAULT_READ_SCHEMA, type ReadModels } from '../schema/read-models.ts';
import { applyBatch, type BatchOutcome, type ReadModelTarget } from './apply-batch.ts';
import { CheckpointWaiters } from './checkpoint-waiters.ts';
import { nextTurn, type RetryDelays, retryDelay, sleep } from './pacing.ts';
import { EventProjectionError } from './projection-error.ts';
import { StallTracker } from './stall-tracker.ts';

export const DEFAULT_PROJECTOR_NAME = 'read-models';

export interface ProjectorOptions {
  /** The decrypting event store: read models never see ciphertext, erased fields arrive flagged. */
  readonly eventStore: EventStore;
  /** Unscoped Kysely over the read database (see infra's createReadStore). */
  readonly db: Kysely<ReadModels>;
  readonly schema?: string;
  /** Name of the checkpoint; a rebuild must use the same one. */
  readonly name?: string;
  /** Most events per transaction (default 500). */
  readonly batchSize?: number;
  /** Called after each commit with what changed; drives GraphQL subscriptions. */
  readonly onCommitted?: (notices: readonly ChangeNotice[]) => void;
  /** Called for every failed attempt before it is retried (default: console.error). */
  readonly onError?: (failure: ProjectionFailure) => void;
  readonly retryDelays?: RetryDelays;
  /** Failed attempts on one event before the projector reports itself stalled on it (default 3). */
  readonly stalledAfterAttempts?: number;
}

export interface ProjectionFailure {
  /** Applying events (retried until it works), reading `$all` (resubscribed), or the onCommitted callback (not retried). */
  readonly during: 'apply' | 'read' | 'notify';
  readonly error: unknown;
  /** The event that failed, when known (always, once the projector retries event by event). */
  readonly position?: bigint;
  readonly eventType?: string;
  readonly attempt: number;
  readonly retryInMs: number;
}

/** Lag figures for metrics. */
export interface ProjectionLag {
  readonly checkpoint: bigint;
  readonly head: bigint;
  /** head − checkpoint: an upper bound on events behind, since positions may have gaps. */
  readonly positionsBehind: bigint;
  /** Age of the oldest event not applied yet (seconds since it was recorded); 0 when caught up. */
  readonly secondsBehind: number;
}

export interface Projector {
  /** Reads the stored checkpoint and starts following `$all` from there; resolves once running. */
  start(): Promise<void>;
  /** Finishes the batch in progress, then stops. */
  stop(): Promise<void>;
  checkpoint(): bigint;
  /** Read-your-writes: resolves once the read models include `position`; rejects with ReadModelsTimeoutError. */
  waitFor(position: bigint, timeoutMs?: number): Promise<void>;
  lag(): Promise<ProjectionLag>;
  /** The event it keeps failing on, or null while it follows `$all` (also stored: see readProjectionStatus). */
  stall(): ProjectionStall | null;
}

/** Follows `$all` into the read models, one transaction per batch. */
export function createProjector(options: ProjectorOptions): Projector {
  const target: ReadModelTarget = {
    db: options.db,
    schema: options.schema ?? DEFAULT_READ_SCHEMA,
    name: options.name ?? DEFAULT_PROJECTOR_NAME,
  };
  const batchSize = options.batchSize ?? 500;
  const report = options.onError ?? ((failure) => console.error('[projector]', describe(failure)));
  const waiters = new CheckpointWaiters(0n);
  const stopping = new AbortController();
  let subscription: EventSubscription | undefined;
  let running: Promise<void> | undefined;
  const stalls = new StallTracker(options.stalledAfterAttempts ?? 3, (stall) =>
    recordStall(target.db.withSchema(target.schema), target.name, stall),
  );

  function committed(outcome: Extract<BatchOutcome, { kind: 'applied' }>): void {
    stalls.clear();
    waiters.reach(outcome.checkpoint);
    if (outcome.notices.length === 0 || options.onCommitted === undefined) return;
    try {
      options.onCommitted(outcome.notices);
    } catch (error) {
      report({ during: 'notify', error, attempt: 1, retryInMs: 0 });
    }
  }

  /** Applies a batch, retrying with backoff; after a failure it goes event by event so the report names the culprit. */
  async function applyWithRetries(
    batch: readonly RecordedEvent[],
  ): Promise<'applied' | 'stopped' | Extract<BatchOutcome, { kind: 'behind' }>> {
    let remaining = batch;
    let oneByOne = false;
    for (let attempt = 1; remaining.length > 0; ) {
      const slice = oneByOne ? remaining.slice(0, 1) : remaining;
      try {
        const outcome = await applyBatch(target, slice, waiters.position);
        if (outcome.kind === 'behind') return outcome;
        committed(outcome);
        remaining = remaining.slice(slice.length);
        attempt = 1;
      } catch (error) {
        const retryInMs = retryDelay(attempt, options.retryDelays);
        const failing = error instanceof EventProjectionError ? error : undefined;
        const { position, eventType } = failing ?? {};
        report({ during: 'apply', error, position, eventType, attempt, retryInMs });
        if (failing) await stalls.failed(failing);
        oneByOne = true;
        attempt++;
        await sleep(retryInMs, stopping.signal);
        if (stopping.signal.aborted) return 'stopped';
      }
    }
    return 'applied';
  }

  async function follow(): Promise<void> {
    for (let attempt = 1; !stopping.signal.aborted; ) {
      const from = waiters.position;
      subscription = options.eventStore.subscribeToAll(from > 0n ? { fromPosition: from } : {});
      try {
        for await (const batch of batchesOf(subscription, batchSize, nextTurn)) {
          const outcome = await applyWithRetries(batch);
          attempt = 1;
          await nextTurn();
          if (outcome === 'stopped' || stopping.signal.aborted) return;
          // A rebuild swapped the tables in: resume from their checkpoint.
          if (outcome !== 'applied') {
            waiters.rewind(outcome.checkpoint);
            break;
          }
        }
      } catch (error) {
        // Reading `$all` failed (e.g. the database restarted): subscribe again from the checkpoint.
        const retryInMs = retryDelay(attempt, options.retryDelays);
        report({ during: 'read', error, attempt, retryInMs });
        attempt++;
        await sleep(retryInMs, stopping.signal);
      } finally {
        await subscription.close();
      }
    }
  }

  return {
    async start() {
      if (running !== undefined) throw new Error('This projector is already running');
      waiters.rewind(await readCheckpoint(target.db.withSchema(target.schema), target.name));
      running = follow();
    },
    async stop() {
      stopping.abort();
      await subscription?.close();
      await running;
      waiters.close();
    },
    checkpoint: () => waiters.position,
    stall: () => stalls.current(),
    waitFor: (position, timeoutMs = 10_000) => waiters.waitFor(position, timeoutMs),
    async lag() {
      const checkpoint = waiters.position;
      const head = await options.eventStore.headPosition();
      if (head <= checkpoint) return { checkpoint, head, positionsBehind: 0n, secondsBehind: 0 };
      const [oldest] = await options.eventStore.readAll({ fromPosition: checkpoint, maxCount: 1 });
      const secondsBehind = oldest ? Math.max(0, (Date.now() - oldest.recordedAt.getTime()) / 1000) : 0;
      return { checkpoint, head, positionsBehind: head - checkpoint, secondsBehind };
    },
  };
}

function describe(failure: ProjectionFailure): string {
  const what = { apply: 'applying events', read: 'reading $all', notify: 'notifying subscribers' }[failure.during];
  const where = failure.position === undefined ? '' : ` (${failure.eventType} at position ${failure.position})`;
  const message = failure.error instanceof Error ? failure.error.message : String(failure.error);
  const retry = failure.retryInMs > 0 ? `; attempt ${failure.attempt}, retrying in ${failure.retryInMs} ms` : '';
  return `${what} failed${where}: ${message}${retry}`;
}
