import type { EventStore, RecordedEvent } from '@bishop/domain/ports';
import { type Kysely, sql } from 'kysely';
import { writeCheckpoint } from '../checkpoints/checkpoint.queries.ts';
import { type PreparedProjection, prepareProjection } from '../projector/apply-batch.ts';
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
  /** Rows the replay keeps across batches before it empties its memory and asks the database (default 100,000). */
  readonly replayMemoryRows?: number;
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
  const memory = new ReplayMemory(options.replayMemoryRows);
  const scoped = db.withSchema(fresh);

  /** Applies the page in memory and compiles its sealed statements (no query while the memory is complete). */
  const prepare = (page: readonly RecordedEvent[]) =>
    withSealingPrepared(db, page, () => prepareProjection(scoped, page, memory));

  /** The page's statements and its checkpoint, in the caller's transaction. */
  async function write(page: readonly RecordedEvent[], prepared: PreparedProjection, trx: Kysely<ReadModels>) {
    const last = page.at(-1)?.position ?? position;
    await prepared.write(trx.withSchema(fresh));
    await writeCheckpoint(trx.withSchema(fresh), name, last);
    position = last;
    events += page.length;
  }

  const writeBatch = (page: readonly RecordedEvent[], prepared: PreparedProjection) =>
    db.transaction().execute(async (trx) => {
      // Nothing reads the fresh schema before the swap, and a crash leaves it unused whatever it
      // holds: its batches need not wait for the WAL to reach disk. The swap's commit does wait.
      await sql`SET LOCAL synchronous_commit = off`.execute(trx);
      await write(page, prepared, trx);
    });

  // The fresh schema is created while the first page is read and prepared (no query needs it).
  const schemaReady = migrateReadModels(db, fresh).then(() => deferSecondaryIndexes(db, fresh));
  let writing: Promise<unknown> = schemaReady;
  writing.catch(() => {});
  try {
    // 1. Replay page by page; whatever arrives meanwhile is read in later pages. Each page is
    // prepared (decrypted, projected, sealed, serialised: client work) while the one before is
    // written (server work), so a batch costs about the larger of the two, not their sum.
    for await (const page of pagesOfAll(eventStore, position, batchSize)) {
      // Rows the memory no longer holds are read back, so the page before must be in the tables first.
      if (!memory.complete) await writing;
      const prepared = await prepare(page);
      await writing;
      options.onProgress?.({ events, position });
      writing = writeBatch(page, prepared);
      // Awaited before the next page is written; until then a failure must not count as unhandled.
      writing.catch(() => {});
      await nextTurn();
    }
    await writing;
    options.onProgress?.({ events, position });
    const buildIndexes = await schemaReady;
    // 2. Indexes, each built once over the whole table (before the swap: queries need them).
    await buildIndexes();
    // 3. Swap. The last events are read before the transaction: on PGlite the event store shares its session.
    const tail = await eventStore.readAll({ fromPosition: position, maxCount: batchSize });
    const preparedTail = tail.length > 0 ? await prepare(tail) : undefined;
    let retiredExists = false;
    await db.transaction().execute(async (trx) => {
      await lockReadModels(trx, live);
      if (preparedTail) await write(tail, preparedTail, trx);
      retiredExists = await swapSchemas(trx, { live, fresh, retired });
    });
    // 4. The old tables go; queries that were reading them finish first (DROP waits for their locks).
    if (retiredExists) await dropSchema(db, retired);
  } catch (error) {
    await writing.catch(() => {});
    await dropSchema(db, fresh).catch(() => {});
    throw error;
  }
  return { events, seconds: (performance.now() - started) / 1000, position };
}
