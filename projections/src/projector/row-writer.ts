import type { Kysely } from 'kysely';
import { type ReadModels, type ReadModelTable, readModelTables } from '../schema/read-models.ts';

// Rows of every table pass through here, so the builder is untyped; callers pass rows of `table`'s type.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyTables = Kysely<any>;

/** Stay well below PostgreSQL's 65,535 bind parameters per statement. */
const MAX_PARAMETERS_PER_STATEMENT = 30_000;

/** Multi-row INSERT … ON CONFLICT (key) DO UPDATE with whole rows: one statement per few thousand rows. */
export async function upsertRows(db: Kysely<ReadModels>, table: ReadModelTable, rows: readonly object[]) {
  const keys: readonly string[] = readModelTables[table];
  for (const chunk of chunks(rows)) {
    const updated = Object.keys(chunk[0] ?? {}).filter((column) => !keys.includes(column));
    await (db as AnyTables)
      .insertInto(table)
      .values(chunk)
      .onConflict((conflict) =>
        conflict
          .columns(keys)
          .doUpdateSet((eb) => Object.fromEntries(updated.map((column) => [column, eb.ref(`excluded.${column}`)]))),
      )
      .execute();
  }
}

/** Multi-row INSERT that keeps rows already present (rows that never change: timeline, persona versions). */
export async function insertRowsIfAbsent(db: Kysely<ReadModels>, table: ReadModelTable, rows: readonly object[]) {
  const keys: readonly string[] = readModelTables[table];
  for (const chunk of chunks(rows)) {
    await (db as AnyTables)
      .insertInto(table)
      .values(chunk)
      .onConflict((conflict) => conflict.columns(keys).doNothing())
      .execute();
  }
}

function* chunks<Row extends object>(rows: readonly Row[]): Generator<Row[]> {
  if (rows.length === 0) return;
  const columns = Math.max(1, Object.keys(rows[0] as object).length);
  const size = Math.max(1, Math.floor(MAX_PARAMETERS_PER_STATEMENT / columns));
  for (let start = 0; start < rows.length; start += size) yield rows.slice(start, start + size);
}
