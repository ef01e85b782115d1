import { type Kysely, sql } from 'kysely';
import type { ReadModels } from '../schema/read-models.ts';

/** Indexes the replay itself reads through (BatchRows finds a dub's message by its reply id). */
const NEEDED_DURING_REPLAY = new Set(['messages_by_reply']);

/**
 * A rebuild fills empty tables: keeping every secondary index current row by
 * row costs more than building each once at the end (one sort per index).
 * Drops the fresh schema's secondary indexes (not primary keys or unique
 * constraints, which the upserts rely on) and returns a function that builds
 * them again from their own definitions, so nothing here repeats the migrations.
 */
export async function deferSecondaryIndexes(db: Kysely<ReadModels>, schema: string): Promise<() => Promise<void>> {
  const { rows } = await sql<{ name: string; definition: string }>`
    SELECT i.indexname AS name, i.indexdef AS definition
      FROM pg_indexes i
     WHERE i.schemaname = ${schema}
       AND i.indexdef NOT LIKE 'CREATE UNIQUE%'
       AND NOT EXISTS (
         SELECT 1 FROM pg_constraint c
          JOIN pg_class ic ON ic.oid = c.conindid
          JOIN pg_namespace n ON n.oid = ic.relnamespace
         WHERE n.nspname = i.schemaname AND ic.relname = i.indexname)`.execute(db);
  const deferred = rows.filter((row) => !NEEDED_DURING_REPLAY.has(row.name));
  // One statement for all: each DROP INDEX alone was a round trip and a commit of its own.
  if (deferred.length > 0) {
    await sql`DROP INDEX ${sql.join(deferred.map((index) => sql.id(schema, index.name)))}`.execute(db);
  }
  // Built side by side on the pool's connections (index builds share their table's lock).
  return async () => {
    await Promise.all(deferred.map((index) => sql.raw(index.definition).execute(db)));
  };
}
