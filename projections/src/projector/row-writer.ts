import { type CompiledQuery, type Kysely, sql } from 'kysely';
import { type ReadModels, type ReadModelTable, readModelTables } from '../schema/read-models.ts';
import { sealRowsFor } from '../sealing/column-sealer.ts';

// Rows of every table pass through here, so the builder is untyped; callers pass rows of `table`'s type.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyTables = Kysely<any>;

/** Rows per statement: bounds one statement's JSON text (a few MB at most). */
const ROWS_PER_STATEMENT = 5_000;

/**
 * Why JSON and not a multi-row VALUES list: the rows travel as one JSON text
 * parameter that PostgreSQL turns into rows of the table's own type
 * (json_populate_recordset). The statement stays the same size whatever the
 * row count, so neither Kysely nor the server builds and plans thousands of
 * bind parameters, and the client serialises with one native JSON.stringify.
 * (Measured on the rebuild benchmark: the VALUES path spent most of the
 * projector's client time compiling and binding parameters.)
 */
function rowsAsRecordset(table: ReadModelTable, rows: readonly object[], columns: readonly string[]) {
  return sql`SELECT ${sql.join(columns.map((column) => sql.ref(column)))}
    FROM json_populate_recordset(NULL::${sql.table(table)}, ${rowsJson(rows)}::json)`;
}

/**
 * Multi-row INSERT … ON CONFLICT (key) DO UPDATE with whole rows, one statement per few thousand
 * rows: sealed and compiled, to be run by the caller (a replay prepares a batch while the last one runs).
 */
export async function upsertStatements(
  db: Kysely<ReadModels>,
  table: ReadModelTable,
  rows: readonly object[],
): Promise<CompiledQuery[]> {
  const keys: readonly string[] = readModelTables[table];
  return [...chunks(await sealRowsFor(db, table, rows))].map((chunk) => {
    const columns = columnsOf(chunk);
    const updated = columns.filter((column) => !keys.includes(column));
    return (db as AnyTables)
      .insertInto(table)
      .columns(columns)
      .expression(rowsAsRecordset(table, chunk, columns))
      .onConflict((conflict) =>
        conflict
          .columns(keys)
          .doUpdateSet((eb) => Object.fromEntries(updated.map((column) => [column, eb.ref(`excluded.${column}`)]))),
      )
      .compile();
  });
}

/**
 * Multi-row INSERT: `ifAbsent` keeps rows already present (rows that never change: timeline,
 * persona versions); `plain` is for rows the caller knows are new (no conflict check to pay for).
 */
export async function insertStatements(
  db: Kysely<ReadModels>,
  table: ReadModelTable,
  rows: readonly object[],
  mode: 'plain' | 'ifAbsent',
): Promise<CompiledQuery[]> {
  const keys: readonly string[] = readModelTables[table];
  return [...chunks(await sealRowsFor(db, table, rows))].map((chunk) => {
    const columns = columnsOf(chunk);
    const insert = (db as AnyTables)
      .insertInto(table)
      .columns(columns)
      .expression(rowsAsRecordset(table, chunk, columns));
    return (mode === 'plain' ? insert : insert.onConflict((conflict) => conflict.columns(keys).doNothing())).compile();
  });
}

/** Every column any row of the chunk sets (a row without one gets NULL, as a VALUES list would). */
function columnsOf(rows: readonly object[]): string[] {
  const columns = new Set<string>();
  for (const row of rows) for (const column of Object.keys(row)) columns.add(column);
  return [...columns];
}

/**
 * The rows as JSON. A replacer function, or a value with its own toJSON (a Date), takes
 * JSON.stringify off its fast path (it cost more than all the rest of the write), so bigint
 * and timestamp columns become text beforehand, row by row, and the replacer runs only for
 * what that misses: a bigint deeper down, or a lone surrogate, which PostgreSQL's JSON
 * refuses (the only reason JSON.stringify writes `\ud…`) and is made well-formed.
 */
function rowsJson(rows: readonly object[]): string {
  const plain = rows.map(scalarsAsText);
  try {
    const json = JSON.stringify(plain);
    if (!json.includes('\\ud')) return json;
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
  }
  return JSON.stringify(plain, (_key, value: unknown) => {
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'string' && !value.isWellFormed()) return value.toWellFormed();
    return value;
  });
}

/** The row with bigints as digits and Dates as JSON would print them (ISO 8601, null when invalid). */
function scalarsAsText(row: object): object {
  let copy: Record<string, unknown> | undefined;
  for (const column in row) {
    const value = (row as Record<string, unknown>)[column];
    if (typeof value === 'bigint') {
      copy ??= { ...row };
      copy[column] = value.toString();
    } else if (value instanceof Date) {
      copy ??= { ...row };
      copy[column] = value.toJSON();
    }
  }
  return copy ?? row;
}

function* chunks<Row extends object>(rows: readonly Row[]): Generator<Row[]> {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT)
    yield rows.slice(start, start + ROWS_PER_STATEMENT);
}
