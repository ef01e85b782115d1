import type { ChangeNotice } from '@bishop/domain';
import type { RecordedEvent } from '@bishop/domain/ports';
import type { Kysely } from 'kysely';
import { readCheckpoint, writeCheckpoint } from '../checkpoints/checkpoint.queries.ts';
import { type ProjectedEvent, toProjectedEvent } from '../events/projected-event.ts';
import type { ReadModels } from '../schema/read-models.ts';
import { withSealingPrepared } from '../sealing/column-sealer.ts';
import { BatchRows } from './batch-rows.ts';
import { projectEvents } from './project-event.ts';
import { EventProjectionError } from './projection-error.ts';
import { lockReadModels } from './read-models-lock.ts';
import type { ReplayMemory } from './replay-memory.ts';

export interface ReadModelTarget {
  /** Unscoped Kysely over the read database. */
  readonly db: Kysely<ReadModels>;
  /** Schema the rows go to. */
  readonly schema: string;
  /** Name of the checkpoint row. */
  readonly name: string;
}

export type BatchOutcome =
  | { readonly kind: 'applied'; readonly checkpoint: bigint; readonly notices: readonly ChangeNotice[] }
  /** The schema holds less than this projector applied (it was swapped by a rebuild): resume from `checkpoint`. */
  | { readonly kind: 'behind'; readonly checkpoint: bigint };

/**
 * Applies a batch and moves the checkpoint in one transaction (exactly-once
 * effect). The stored checkpoint is the truth: events at or below it are
 * skipped, and a checkpoint below `applied` (what this projector believes it
 * applied) means the tables were replaced, so nothing is written.
 */
export async function applyBatch(
  target: ReadModelTarget,
  events: readonly RecordedEvent[],
  applied: bigint,
): Promise<BatchOutcome> {
  return withSealingPrepared(target.db, events, () => transactBatch(target, events, applied));
}

async function transactBatch(target: ReadModelTarget, events: readonly RecordedEvent[], applied: bigint) {
  return target.db.transaction().execute(async (trx): Promise<BatchOutcome> => {
    await lockReadModels(trx, target.schema);
    const db = trx.withSchema(target.schema);
    const stored = await readCheckpoint(db, target.name);
    if (stored < applied) return { kind: 'behind', checkpoint: stored };
    const notices = await projectInto(
      db,
      events.filter((event) => event.position > stored),
    );
    const last = events.at(-1)?.position;
    const checkpoint = last !== undefined && last > stored ? last : stored;
    await writeCheckpoint(db, target.name, checkpoint);
    return { kind: 'applied', checkpoint, notices };
  });
}

/**
 * Projects events into the schema `db` is scoped to, inside a transaction the caller holds.
 * A replay into fresh tables passes the memory it keeps across its batches.
 */
export async function projectInto(
  db: Kysely<ReadModels>,
  events: readonly RecordedEvent[],
  memory?: ReplayMemory,
): Promise<ChangeNotice[]> {
  return namingTheEvent(events, async () => {
    const prepared = await prepareProjection(db, events, memory);
    await prepared.write(db);
    return prepared.notices;
  });
}

export interface PreparedProjection {
  readonly notices: ChangeNotice[];
  /** Runs the batch's statements on `db` (the caller's transaction, scoped to the same schema). */
  readonly write: (db: Kysely<ReadModels>) => Promise<void>;
}

/**
 * projectInto up to the writing: events applied in memory, rows sealed, statements compiled.
 * A replay whose memory holds every row it wrote needs no query for this, so it prepares a
 * batch while the one before is still being written.
 */
export async function prepareProjection(
  db: Kysely<ReadModels>,
  events: readonly RecordedEvent[],
  memory?: ReplayMemory,
): Promise<PreparedProjection> {
  const projected: ProjectedEvent[] = [];
  for (const event of events) {
    try {
      const domainEvent = toProjectedEvent(event);
      if (domainEvent !== null) projected.push(domainEvent);
    } catch (error) {
      throw new EventProjectionError(event, error);
    }
  }
  return namingTheEvent(events, async () => {
    const rows = new BatchRows(db, memory);
    await projectEvents(projected, rows);
    const write = await rows.prepareWrites();
    return { notices: rows.notices, write: (target) => namingTheEvent(events, () => write(target)) };
  });
}

/** One event alone is named precisely in an error; for a bigger batch the projector retries event by event. */
async function namingTheEvent<T>(events: readonly RecordedEvent[], work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const [only] = events;
    if (error instanceof EventProjectionError) throw error;
    throw events.length === 1 && only !== undefined ? new EventProjectionError(only, error) : error;
  }
}
