import type { Kysely } from 'kysely';
import type { ReadModels } from '../schema/read-models.ts';
import type { ApiTokenRow } from './api-tokens.table.ts';

/** The user's tokens, newest first, revoked ones included (the list shows when they were revoked). */
export async function listApiTokens(db: Kysely<ReadModels>, ownerId: string): Promise<ApiTokenRow[]> {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .orderBy('issued_at', 'desc')
    .orderBy('token_id')
    .execute();
}

/**
 * For authentication, before anyone is known (hence no owner argument): the
 * token with this hash, revoked or not — the caller refuses revoked tokens.
 */
export async function findApiTokenByHash(db: Kysely<ReadModels>, tokenHash: string): Promise<ApiTokenRow | null> {
  if (typeof tokenHash !== 'string' || tokenHash.length === 0) return null;
  return (await db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst()) ?? null;
}
