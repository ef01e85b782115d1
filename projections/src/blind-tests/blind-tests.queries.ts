import type { Kysely } from 'kysely';
import { possibleIds } from '../queries/by-ids.ts';
import type { ReadModels } from '../schema/read-models.ts';
import type { BlindTestInviteRow, BlindTestScoreRow } from './blind-tests.table.ts';

/** An avatar's invites, newest first (revoked and expired ones too, so the owner sees what was shared). */
export async function listBlindTestInvites(
  db: Kysely<ReadModels>,
  ownerId: string,
  avatarId: string,
): Promise<BlindTestInviteRow[]> {
  if (possibleIds([avatarId]).length === 0) return [];
  return db
    .selectFrom('blind_test_invites')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('avatar_id', '=', avatarId)
    .orderBy('created_at', 'desc')
    .orderBy('invite_id')
    .execute();
}

/** The blind test's tally per persona version, newest version first. */
export async function listBlindTestScores(
  db: Kysely<ReadModels>,
  ownerId: string,
  avatarId: string,
): Promise<BlindTestScoreRow[]> {
  if (possibleIds([avatarId]).length === 0) return [];
  return db
    .selectFrom('blind_test_scores')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('avatar_id', '=', avatarId)
    .orderBy('persona_version', 'desc')
    .execute();
}

/**
 * The invite a guest's token opens: not revoked, not expired, its avatar not
 * deleted; null otherwise (the caller cannot tell which, nor whether it ever existed).
 */
export async function findOpenBlindTestInvite(
  db: Kysely<ReadModels>,
  tokenHash: string,
  now: Date,
): Promise<BlindTestInviteRow | null> {
  const row = await db
    .selectFrom('blind_test_invites as invite')
    .innerJoin('avatars', 'avatars.avatar_id', 'invite.avatar_id')
    .selectAll('invite')
    .where('invite.token_hash', '=', tokenHash)
    .where('invite.revoked_at', 'is', null)
    .where('invite.expires_at', '>', now)
    .where('avatars.deleted_at', 'is', null)
    .executeTakeFirst();
  return row ?? null;
}
