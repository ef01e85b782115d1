import { type Kysely, type RawBuilder, sql } from 'kysely';
import { lockReadModels } from '../projector/read-models-lock.ts';
import { type ReadModels, type ReadModelTable, readModelTables } from '../schema/read-models.ts';
import { sealingOf } from './column-sealer.ts';
import { personalColumns, type SealedColumnKind } from './personal-columns.ts';

const BATCH_ROWS = 500;

/**
 * The upgrade of read models an earlier version wrote in plaintext: every
 * personal value not yet sealed is sealed in place (a value whose subject was
 * shredded becomes null), under the projectors' lock so no batch interleaves.
 * Cheap when there is nothing to do (one scan per table); returns the rows sealed.
 */
export async function sealPlaintextColumns(db: Kysely<ReadModels>, schema: string): Promise<number> {
  const sealing = sealingOf(db);
  if (!sealing) return 0;
  const marker = `${sealing.sealer.marker.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  let sealed = 0;
  for (const [table, personal] of Object.entries(personalColumns) as [
    ReadModelTable,
    NonNullable<(typeof personalColumns)[ReadModelTable]>,
  ][]) {
    const keys: readonly string[] = readModelTables[table];
    const unsealed = sql<boolean>`${sql.join(
      Object.entries(personal.columns).map(([column, kind]) => notSealed(column, kind, marker)),
      sql` OR `,
    )}`;
    // biome-ignore lint/suspicious/noExplicitAny: one loop serves every table's rows
    const unsealedRows = (scoped: Kysely<any>) =>
      scoped.selectFrom(table).selectAll().where(unsealed).limit(BATCH_ROWS).execute() as Promise<
        Record<string, unknown>[]
      >;
    for (;;) {
      // Keys first, outside the transaction (see ColumnSealer.prepare); then the rows again, under the lock.
      const candidates = await unsealedRows(db.withSchema(schema));
      if (candidates.length === 0) break;
      const release = await sealing.sealer.prepare(candidates.map((row) => personal.subjectOf(row)));
      const done = await db
        .transaction()
        .execute(async (trx) => {
          await lockReadModels(trx, schema);
          const scoped = trx.withSchema(schema);
          const rows = await unsealedRows(scoped);
          for (const row of rows) {
            const next = await sealing.sealRow(table, row);
            // A jsonb parameter is sent as JSON text: the sealed string goes as a JSON string.
            const changes = Object.fromEntries(
              Object.entries(personal.columns).map(([column, kind]) => {
                const value = next[column];
                return [column, kind === 'json' && typeof value === 'string' ? JSON.stringify(value) : value];
              }),
            );
            // biome-ignore lint/suspicious/noExplicitAny: as above
            let update = (scoped as Kysely<any>).updateTable(table).set(changes);
            for (const key of keys) update = update.where(key, '=', row[key]);
            await update.execute();
          }
          return rows.length;
        })
        .finally(release);
      sealed += done;
      if (done < BATCH_ROWS) break;
    }
  }
  return sealed;
}

function notSealed(column: string, kind: SealedColumnKind, marker: string): RawBuilder<boolean> {
  const ref = sql.ref(column);
  if (kind === 'array')
    return sql<boolean>`(${ref} IS NOT NULL AND NOT (cardinality(${ref}) = 1 AND ${ref}[1] LIKE ${marker}))`;
  if (kind === 'json')
    return sql<boolean>`(${ref} IS NOT NULL AND NOT (jsonb_typeof(${ref}) = 'string' AND ${ref} #>> '{}' LIKE ${marker}))`;
  return sql<boolean>`(${ref} IS NOT NULL AND ${ref} NOT LIKE ${marker})`;
}
