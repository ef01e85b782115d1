import { randomBytes } from 'node:crypto';
import { DataKeyDestroyedError, type KeyStore } from '@bishop/domain/ports';
import { openBytes, sealBytes } from '../personal-data/aes-gcm.ts';
import { type SqlClient, sqlIdentifier } from '../sql/sql-client.ts';

export interface SqlKeyStoreOptions {
  readonly schema?: string;
  /**
   * Key-encryption key (32 bytes): data keys are stored wrapped with it, so a
   * copy of the database alone does not reveal personal data.
   */
  readonly masterKey: Uint8Array;
}

interface KeyRow {
  wrapped_key: Uint8Array | null;
}

/** KeyStore in a PostgreSQL table (server or PGlite). Destroying a key nulls it in place. */
export async function createSqlKeyStore(sql: SqlClient, options: SqlKeyStoreOptions): Promise<KeyStore> {
  if (options.masterKey.length !== 32) throw new Error('The master key must be exactly 32 bytes');
  const s = sqlIdentifier(options.schema ?? 'bishop');
  await sql.query(`CREATE SCHEMA IF NOT EXISTS ${s}`).catch(ignoreConcurrentDdl);
  await sql
    .query(
      `CREATE TABLE IF NOT EXISTS ${s}.bishop_data_keys (
         subject      text PRIMARY KEY,
         wrapped_key  bytea,
         created_at   timestamptz NOT NULL DEFAULT now(),
         destroyed_at timestamptz
       )`,
    )
    .catch(ignoreConcurrentDdl);

  const unwrap = (subject: string, wrapped: Uint8Array) =>
    new Uint8Array(openBytes(options.masterKey, wrapped, subject));

  async function findRow(subject: string): Promise<KeyRow | undefined> {
    const [row] = await sql.query<KeyRow>(`SELECT wrapped_key FROM ${s}.bishop_data_keys WHERE subject = $1`, [
      subject,
    ]);
    return row;
  }

  return {
    async obtainDataKey(subject) {
      const existing = await findRow(subject);
      if (existing) {
        if (!existing.wrapped_key) throw new DataKeyDestroyedError(subject);
        return unwrap(subject, existing.wrapped_key);
      }
      const wrapped = sealBytes(options.masterKey, randomBytes(32), subject);
      // Two processes may create the same subject's key at once: the first insert wins, both use it.
      await sql.query(
        `INSERT INTO ${s}.bishop_data_keys (subject, wrapped_key) VALUES ($1, $2) ON CONFLICT (subject) DO NOTHING`,
        [subject, wrapped],
      );
      const stored = await findRow(subject);
      if (!stored?.wrapped_key) throw new DataKeyDestroyedError(subject);
      return unwrap(subject, stored.wrapped_key);
    },
    async findDataKey(subject) {
      const row = await findRow(subject);
      return row?.wrapped_key ? unwrap(subject, row.wrapped_key) : null;
    },
    async destroyDataKey(subject) {
      // The row stays as a tombstone, so the key can never be silently re-created.
      await sql.query(
        `INSERT INTO ${s}.bishop_data_keys (subject, wrapped_key, destroyed_at) VALUES ($1, NULL, now())
         ON CONFLICT (subject) DO UPDATE SET wrapped_key = NULL, destroyed_at = coalesce(${s}.bishop_data_keys.destroyed_at, now())`,
        [subject],
      );
    },
    async close() {},
  };
}

/** CREATE … IF NOT EXISTS can still race on the catalog when two processes start together. */
function ignoreConcurrentDdl(error: unknown): void {
  const code = (error as { code?: string }).code;
  if (code !== '23505' && code !== '42P06' && code !== '42P07') throw error;
}
