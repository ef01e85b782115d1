import type { AvatarRow } from '../avatars/avatars.table.ts';
import type { AvatarStreamEvent } from '../events/projected-event.ts';
import type { BlindTestInviteRow, BlindTestScoreRow } from './blind-tests.table.ts';

/** The row id of a version's score. */
export const blindTestScoreId = (avatarId: string, personaVersion: number): string => `${avatarId}:${personaVersion}`;

/** An invite: made, counting its guests' guesses, revoked (deleting the avatar revokes it too). */
export function blindTestInviteAfter(
  invite: BlindTestInviteRow | undefined,
  event: AvatarStreamEvent,
  avatar: AvatarRow,
): BlindTestInviteRow | undefined {
  switch (event.type) {
    case 'BlindTestInviteCreated':
      return {
        invite_id: event.data.inviteId,
        avatar_id: avatar.avatar_id,
        owner_id: avatar.owner_id,
        token_hash: event.data.tokenHash,
        expires_at: new Date(event.data.expiresAt),
        revoked_at: null,
        created_at: event.occurredAt,
        guesses: 0,
        last_position: event.position,
      };
    case 'BlindTestInviteRevoked':
      return invite && { ...invite, revoked_at: invite.revoked_at ?? event.occurredAt, last_position: event.position };
    case 'BlindTestGuessed':
      return invite && { ...invite, guesses: invite.guesses + 1, last_position: event.position };
    default:
      return undefined;
  }
}

/** A persona version's guesses and how many found the real reply. */
export function blindTestScoreAfter(
  score: BlindTestScoreRow | undefined,
  event: AvatarStreamEvent,
  avatar: AvatarRow,
): BlindTestScoreRow | undefined {
  if (event.type !== 'BlindTestGuessed') return undefined;
  const { personaVersion, correct } = event.data;
  return {
    score_id: blindTestScoreId(avatar.avatar_id, personaVersion),
    avatar_id: avatar.avatar_id,
    owner_id: avatar.owner_id,
    persona_version: personaVersion,
    guesses: (score?.guesses ?? 0) + 1,
    correct: (score?.correct ?? 0) + (correct ? 1 : 0),
    updated_at: event.occurredAt,
    last_position: event.position,
  };
}
