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

/** Projects events into the schema `db` is scoped to, inside a transaction the caller holds. */
export async function projectInto(db: Kysely<ReadModels>, events: readonly RecordedEvent[]): Promise<ChangeNotice[]> {
  const projected: ProjectedEvent[] = [];
  for (const event of events) {
    try {
      const domainEvent = toProjectedEvent(event);
      if (domainEvent !== null) projected.push(domainEvent);
    } catch (error) {
      throw new EventProjectionError(event, error);
    }
  }
  const rows = new BatchRows(db);
  try {
    await projectEvents(projected, rows);
    await rows.flush();
  } catch (error) {
    // One event alone is named precisely; for a bigger batch the projector retries event by event.
    const [only] = events;
    throw events.length === 1 && only !== undefined ? new EventProjectionError(only, error) : error;
  }
  return rows.notices;
}
