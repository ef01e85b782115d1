import { findUnstorable } from '@bishop/domain';
import { type SqlTransaction, sqlIdentifier } from '../../sql/sql-client.ts';

/** Only text holding a `\u0000` or a surrogate escape can fail the cast to jsonb. */
const SUSPECT_ESCAPE = '\\\\u(0000|d[89a-f])';

/**
 * Stores made before event data moved to `jsonb` kept it as `json`, which holds
 * any escape — a NUL or a lone surrogate a client slipped in, which then stopped
 * every projector. This converts them in place (once: it does nothing on a jsonb
 * column). An event jsonb cannot hold keeps its original text in
 * `bishop_event_repairs` and is stored with each bad character replaced by U+FFFD.
 * Returns how many events were repaired.
 */
export async function migrateEventDataToJsonb(tx: SqlTransaction, schema: string): Promise<number> {
  const s = sqlIdentifier(schema);
  const [column] = await tx.query<{ data_type: string }>(
    `SELECT data_type FROM information_schema.columns
      WHERE table_schema = $1 AND table_name = 'bishop_events' AND column_name = 'data'`,
    [schema],
  );
  if (column?.data_type !== 'json') return 0;
  const suspects = await tx.query<{ position: string | bigint; data: string; metadata: string }>(
    `SELECT position, data::text AS data, metadata::text AS metadata FROM ${s}.bishop_events
      WHERE data::text ~* $1 OR metadata::text ~* $1`,
    [SUSPECT_ESCAPE],
  );
  let repaired = 0;
  for (const row of suspects) {
    const data = JSON.parse(row.data) as unknown;
    const metadata = JSON.parse(row.metadata) as unknown;
    const problem = findUnstorable(data) ?? findUnstorable(metadata);
    if (problem === null) continue;
    await tx.query(
      `INSERT INTO ${s}.bishop_event_repairs
         (position, original_data, original_metadata, reason) VALUES ($1, $2, $3, $4)
       ON CONFLICT (position) DO NOTHING`,
      [row.position, row.data, row.metadata, `${problem.message} (at ${problem.path})`],
    );
    await tx.query(`UPDATE ${s}.bishop_events SET data = $2::json, metadata = $3::json WHERE position = $1`, [
      row.position,
      JSON.stringify(storableCopy(data)),
      JSON.stringify(storableCopy(metadata)),
    ]);
    repaired++;
  }
  await tx.query(
    `ALTER TABLE ${s}.bishop_events ALTER COLUMN data TYPE jsonb USING data::jsonb,
                          ALTER COLUMN metadata TYPE jsonb USING metadata::jsonb`,
  );
  return repaired;
}

/** The value with every NUL and lone surrogate (in keys and text) replaced by U+FFFD. */
function storableCopy(value: unknown): unknown {
  if (typeof value === 'string') return value.toWellFormed().replaceAll('\u0000', '\ufffd');
  if (Array.isArray(value)) return value.map(storableCopy);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [storableCopy(key), storableCopy(child)]));
  }
  return value;
}
