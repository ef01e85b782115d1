import type { EventStore, RecordedEvent } from '@bishop/domain/ports';
import { type Kysely, sql } from 'kysely';
import { writeCheckpoint } from '../checkpoints/checkpoint.queries.ts';
import { projectInto } from '../projector/apply-batch.ts';
import { nextTurn } from '../projector/pacing.ts';
import { DEFAULT_PROJECTOR_NAME } from '../projector/projector.ts';
import { lockReadModels } from '../projector/read-models-lock.ts';
import { ReplayMemory } from '../projector/replay-memory.ts';
import { migrateReadModels } from '../schema/migrate.ts';
import { DEFAULT_READ_SCHEMA, type ReadModels } from '../schema/read-models.ts';
import { withSealingPrepared } from '../sealing/column-sealer.ts';
import { deferSecondaryIndexes } from './deferred-indexes.ts';
import { pagesOfAll } from './pages-of-all.ts';
import { dropSchema, siblingSchemaName, swapSchemas } from './schema-swap.ts';

export interface RebuildOptions {
  /** The decrypting event store, as the live projector reads it. */
  readonly eventStore: EventStore;
  /** Unscoped Kysely over the read database. */
  readonly db: Kysely<ReadModels>;
  /** The live read schema to replace (default `bishop_read`). */
  readonly schema?: string;
  /** The live projector's checkpoint name. */
  readonly name?: string;
  /** Events per transaction while replaying (default 2000). */
  readonly batchSize?: number;
  readonly onProgress?: (progress: { readonly events: number; readonly position: bigint }) => void;
}

export interface RebuildResult {
  /** Events read from `$all` (including ones no read model needs). */
  readonly events: number;
  readonly seconds: number;
  /** The checkpoint the new tables started serving at. */
  readonly position: bigint;
}

/**
 * `bishop projections rebuild`: replays every event into fresh tables in a new
 * schema while the live ones keep serving, then swaps them in atomically and
 * drops the old ones. The swap happens under the live projector's lock, so no
 * batch commits into the old tables meanwhile; a live projector that applied
 * events the new tables lack sees their lower checkpoint and replays from it.
 */
export async function rebuildReadModels(options: RebuildOptions): Promise<RebuildResult> {
  const started = performance.now();
  const { db, eventStore } = options;
  const live = options.schema ?? DEFAULT_READ_SCHEMA;
  const name = options.name ?? DEFAULT_PROJECTOR_NAME;
  const batchSize = options.batchSize ?? 2000;
  const fresh = siblingSchemaName(live, 'rebuild');
  const retired = siblingSchemaName(live, 'retired');
  let events = 0;
  let position = 0n;
  const memory = new ReplayMemory();

  async function replay(page: readonly RecordedEvent[], trx: Kysely<ReadModels>): Promise<void> {
    const scoped = trx.withSchema(fresh);
    await projectInto(scoped, page, memory);
    position = page.at(-1)?.position ?? position;
    events += page.length;
    await writeCheckpoint(scoped, name, position);
  }

  await migrateReadModels(db, fresh);
  try {
    const buildIndexes = await deferSecondaryIndexes(db, fresh);
    // 1. Replay page by page; whatever arrives meanwhile is read in later pages.
    for await (const page of pagesOfAll(eventStore, position, batchSize)) {
      await withSealingPrepared(db, page, () =>
        db.transaction().execute(async (trx) => {
          // Nothing reads the fresh schema before the swap, and a crash leaves it unused whatever it
          // holds: its batches need not wait for the WAL to reach disk. The swap's commit does wait.
          await sql`SET LOCAL synchronous_commit = off`.execute(trx);
          await replay(page, trx);
        }),
      );
      options.onProgress?.({ events, position });
      await nextTurn();
    }
    // 2. Indexes, each built once over the whole table (before the swap: queries need them).
    await buildIndexes();
    // 3. Swap. The last events are read before the transaction: on PGlite the event store shares its session.
    const tail = await eventStore.readAll({ fromPosition: position, maxCount: batchSize });
    let retiredExists = false;
    await withSealingPrepared(db, tail, () =>
      db.transaction().execute(async (trx) => {
        await lockReadModels(trx, live);
        if (tail.length > 0) await replay(tail, trx);
        retiredExists = await swapSchemas(trx, { live, fresh, retired });
      }),
    );
    // 4. The old tables go; queries that were reading them finish first (DROP waits for their locks).
    if (retiredExists) await dropSchema(db, retired);
  } catch (error) {
    await dropSchema(db, fresh).catch(() => {});
    throw error;
  }
  return { events, seconds: (performance.now() - started) / 1000, position };
}
