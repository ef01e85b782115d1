import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { type ReadModels, type ReadModelTable, readModelTables } from '../schema/read-models.ts';
import { sealingOf } from '../sealing/column-sealer.ts';

const PAGE_ROWS = 5000;

/**
 * An md5 of each read-model table's rows (as canonical JSON, in key order, personal
 * values opened): two schemas hold the same read models when their checksums are
 * equal. Sealed values differ byte for byte (every seal has a fresh nonce), so the
 * comparison is over what they say. The checkpoint table is left out: it records
 * when it was written.
 */
export async function readModelChecksums(
  db: Kysely<ReadModels>,
  schema: string,
): Promise<Partial<Record<ReadModelTable, string>>> {
  const sealing = sealingOf(db);
  const checksums: Partial<Record<ReadModelTable, string>> = {};
  for (const [table, keys] of Object.entries(readModelTables) as [ReadModelTable, readonly string[]][]) {
    if (table === 'projection_checkpoints') continue;
    const order = sql.join(keys.map((key) => sql.ref(`t.${key}`)));
    const hash = createHash('md5');
    for (let offset = 0; ; offset += PAGE_ROWS) {
      const { rows } = await sql<{ row: Record<string, unknown> }>`
        SELECT to_jsonb(t) AS row FROM ${sql.table(`${schema}.${table}`)} AS t
         ORDER BY ${order} LIMIT ${PAGE_ROWS} OFFSET ${offset}`.execute(db);
      for (const { row } of rows) hash.update(`${canonicalJson(sealing ? await sealing.openRow(row) : row)}\n`);
      if (rows.length < PAGE_ROWS) break;
    }
    checksums[table] = hash.digest('hex');
  }
  return checksums;
}

/** JSON with object keys sorted at every depth, so equal values always print the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
