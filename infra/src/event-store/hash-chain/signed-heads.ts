import { createHmac, timingSafeEqual } from 'node:crypto';
import type { EventStore } from '@bishop/domain/ports';
import { type SqlClient, sqlIdentifier } from '../../sql/sql-client.ts';

/** A stream's newest link, signed with a key only the master key holder can derive. */
export interface SignedHead {
  readonly stream: string;
  readonly revision: bigint;
  readonly hash: string;
  /** False when the signature does not match: the row was written by someone without the key. */
  readonly authentic: boolean;
}

export interface SignedChainHeads {
  /** Signs and stores the head after an append; an older head never replaces a newer one. */
  record(stream: string, revision: bigint, hash: string): Promise<void>;
  find(stream: string): Promise<SignedHead | null>;
}

interface HeadRow {
  stream_name: string;
  revision: string;
  chain_hash: string;
  signature: Uint8Array;
}

/**
 * The chain alone proves order, not authorship: whoever can write the database
 * can recompute every hash. So each stream's head is also signed (HMAC-SHA256
 * with a key derived from the master key) in its own table: rewriting history
 * now needs the master key too. On the table's first creation the heads of the
 * streams already stored are signed as they are (existing installs are trusted
 * up to the upgrade, which is all a signature added later can say).
 */
export async function createSignedChainHeads(
  sql: SqlClient,
  options: { readonly schema?: string; readonly key: Uint8Array; readonly rawEventStore: EventStore },
): Promise<SignedChainHeads> {
  const s = sqlIdentifier(options.schema ?? 'bishop');
  const sign = (stream: string, revision: bigint, hash: string) =>
    createHmac('sha256', options.key).update(`${stream}\n${revision}\n${hash}`).digest();
  await sql.query(`CREATE SCHEMA IF NOT EXISTS ${s}`).catch(ignoreDuplicate);
  const [existing] = await sql.query<{ found: string | null }>(`SELECT to_regclass($1)::text AS found`, [
    `${s}.bishop_chain_heads`,
  ]);
  await sql
    .query(
      `CREATE TABLE IF NOT EXISTS ${s}.bishop_chain_heads (
         stream_name text PRIMARY KEY,
         revision    bigint NOT NULL,
         chain_hash  text NOT NULL,
         signature   bytea NOT NULL
       )`,
    )
    .catch(ignoreDuplicate);

  async function record(stream: string, revision: bigint, hash: string) {
    await sql.query(
      `INSERT INTO ${s}.bishop_chain_heads (stream_name, revision, chain_hash, signature) VALUES ($1, $2, $3, $4)
       ON CONFLICT (stream_name) DO UPDATE SET revision = excluded.revision, chain_hash = excluded.chain_hash,
         signature = excluded.signature
       WHERE ${s}.bishop_chain_heads.revision < excluded.revision`,
      [stream, revision.toString(), hash, sign(stream, revision, hash)],
    );
  }

  if (!existing?.found) await signStoredHeads(options.rawEventStore, record);

  return {
    record,
    async find(stream) {
      const [row] = await sql.query<HeadRow>(
        `SELECT stream_name, revision::text AS revision, chain_hash, signature FROM ${s}.bishop_chain_heads
         WHERE stream_name = $1`,
        [stream],
      );
      if (!row) return null;
      const revision = BigInt(row.revision);
      const expected = sign(stream, revision, row.chain_hash);
      const given = Buffer.from(row.signature);
      return {
        stream,
        revision,
        hash: row.chain_hash,
        authentic: given.length === expected.length && timingSafeEqual(given, expected),
      };
    },
  };
}

/** The upgrade: every stream's newest chained event becomes its signed head. */
async function signStoredHeads(
  store: EventStore,
  record: (stream: string, revision: bigint, hash: string) => Promise<void>,
): Promise<void> {
  const heads = new Map<string, { revision: bigint; hash: string }>();
  let fromPosition: bigint | undefined;
  for (;;) {
    const page = await store.readAll({ ...(fromPosition === undefined ? {} : { fromPosition }), maxCount: 1000 });
    for (const event of page) {
      if (event.metadata.chainHash)
        heads.set(event.streamName, { revision: event.revision, hash: event.metadata.chainHash });
    }
    if (page.length < 1000) break;
    fromPosition = page.at(-1)?.position;
  }
  for (const [stream, head] of heads) await record(stream, head.revision, head.hash);
}

/** CREATE … IF NOT EXISTS can still race on the catalog when two processes start together. */
function ignoreDuplicate(error: unknown): void {
  const code = (error as { code?: string }).code;
  if (code !== '23505' && code !== '42P06' && code !== '42P07') throw error;
}
