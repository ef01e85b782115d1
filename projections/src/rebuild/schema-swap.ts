import { type Kysely, sql } from 'kysely';
import type { ReadModels } from '../schema/read-models.ts';

export async function schemaExists(db: Kysely<ReadModels>, schema: string): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ${schema}) AS found`.execute(db);
  return rows[0]?.found === true;
}

/** Renames `fresh` to `live`, moving the current `live` (if any) to `retired`; inside the caller's transaction. */
export async function swapSchemas(
  trx: Kysely<ReadModels>,
  names: { readonly live: string; readonly fresh: string; readonly retired: string },
): Promise<boolean> {
  const hadLive = await schemaExists(trx, names.live);
  if (hadLive) await sql`ALTER SCHEMA ${sql.id(names.live)} RENAME TO ${sql.id(names.retired)}`.execute(trx);
  await sql`ALTER SCHEMA ${sql.id(names.fresh)} RENAME TO ${sql.id(names.live)}`.execute(trx);
  return hadLive;
}

export async function dropSchema(db: Kysely<ReadModels>, schema: string): Promise<void> {
  await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(db);
}

/** A sibling schema name, kept within PostgreSQL's 63-character identifiers. */
export function siblingSchemaName(live: string, role: 'rebuild' | 'retired'): string {
  const suffix = Math.random().toString(36).slice(2, 10).padEnd(8, '0');
  return `${live.slice(0, 63 - role.length - suffix.length - 2)}_${role}_${suffix}`;
}
