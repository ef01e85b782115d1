import { type Kysely, sql } from 'kysely';
import { type ReadModels, type ReadModelTable, readModelTables } from '../schema/read-models.ts';

/**
 * An md5 of each read-model table's rows (as JSON, in key order): two schemas
 * hold the same read models when their checksums are equal. The checkpoint
 * table is left out: it records when it was written.
 */
export async function readModelChecksums(
  db: Kysely<ReadModels>,
  schema: string,
): Promise<Partial<Record<ReadModelTable, string>>> {
  const checksums: Partial<Record<ReadModelTable, string>> = {};
  for (const [table, keys] of Object.entries(readModelTables) as [ReadModelTable, readonly string[]][]) {
    if (table === 'projection_checkpoints') continue;
    const order = sql.join(keys.map((key) => sql.ref(`t.${key}`)));
    const { rows } = await sql<{ checksum: string }>`
      SELECT md5(coalesce(string_agg(to_jsonb(t)::text, E'\\n' ORDER BY ${order}), '')) AS checksum
        FROM ${sql.table(`${schema}.${table}`)} AS t`.execute(db);
    checksums[table] = rows[0]?.checksum ?? '';
  }
  return checksums;
}
