import { DomainError } from '../kernel/errors.ts';
import { validId } from '../kernel/ids.ts';
import { validNumber } from '../kernel/numbers.ts';
import { validSecretHash } from '../user/user.rules.ts';
import type { CreateBlindTestInvite, RecordBlindTestGuess, RevokeBlindTestInvite } from './avatar.commands.ts';
import type { BlindTestGuessed, BlindTestInviteCreated, BlindTestInviteRevoked } from './avatar.events.ts';
import { avatarLimits } from './avatar.limits.ts';
import { type BlindTestInvite, blindGuessKey, type LiveAvatar } from './avatar.state.ts';
import { activeBlindTestPairs, judgeBlindTestGuess } from './blind-test.pairs.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** An invite expires after 1–30 days; only a trained avatar has replies to tell apart. */
export function createBlindTestInvite(
  { data, metadata }: CreateBlindTestInvite,
  avatar: LiveAvatar,
): BlindTestInviteCreated[] {
  const inviteId = validId(data.inviteId, 'Invite id');
  const tokenHash = validSecretHash(data.tokenHash, 'Invite token hash');
  const days = validNumber(data.days, {
    field: 'Days',
    min: 1,
    max: avatarLimits.blindTestInviteMaxDays,
    integer: true,
  });
  if (avatar.blindTest.invites.has(inviteId)) return [];
  if (avatar.personaVersions.size === 0) {
    throw new DomainError('BISHOP_ERR_INVALID_STATE', 'Train the avatar first: the blind test compares its replies');
  }
  const open = [...avatar.blindTest.invites.values()].filter((invite) => isOpen(invite, metadata.now)).length;
  if (open >= avatarLimits.blindTestOpenInvitesMax) {
    throw new DomainError(
      'BISHOP_ERR_LIMIT_EXCEEDED',
      `At most ${avatarLimits.blindTestOpenInvitesMax} invites may be open at once; revoke one first`,
    );
  }
  const expiresAt = new Date(Date.parse(metadata.now) + days * DAY_MS).toISOString();
  return [{ type: 'BlindTestInviteCreated', data: { inviteId, tokenHash, expiresAt } }];
}

export function revokeBlindTestInvite({ data }: RevokeBlindTestInvite, avatar: LiveAvatar): BlindTestInviteRevoked[] {
  const inviteId = validId(data.inviteId, 'Invite id');
  const invite = inviteOf(avatar, inviteId);
  if (invite.revoked) return [];
  return [{ type: 'BlindTestInviteRevoked', data: { inviteId } }];
}

/**
 * The owner guesses as themself; anyone else only through an open invite. A guess
 * names the active version and one of the two replies of a pair of its latest test;
 * it is correct when that reply is the person's real one. Each person's first
 * guess on a pair counts: a second one appends nothing.
 */
export function recordBlindTestGuess({ data, metadata }: RecordBlindTestGuess, avatar: LiveAvatar): BlindTestGuessed[] {
  const personaVersion = validNumber(data.personaVersion, { field: 'Persona version', min: 1, integer: true });
  const pairIndex = validNumber(data.pairIndex, {
    field: 'Pair',
    min: 0,
    max: avatarLimits.blindTestPairsMax - 1,
    integer: true,
  });
  const guesser = validId(data.guesser, 'Guesser');
  if (data.chosenReply !== null && typeof data.chosenReply !== 'string') {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', 'A guess names one of the two replies', { field: 'optionId' });
  }
  if (!avatar.personaVersions.has(personaVersion)) {
    throw new DomainError('BISHOP_ERR_NOT_FOUND', `Persona version ${personaVersion} does not exist`, {
      personaVersion,
    });
  }
  const inviteId = data.inviteId === null ? null : validId(data.inviteId, 'Invite id');
  if ((metadata.actor.kind === 'user') !== (inviteId === null)) {
    throw new DomainError('BISHOP_ERR_FORBIDDEN', 'The owner guesses as themself; anyone else needs an invite');
  }
  if (inviteId !== null && !isOpen(inviteOf(avatar, inviteId), metadata.now)) {
    throw new DomainError('BISHOP_ERR_INVITE_INVALID', 'This invite was revoked or has expired');
  }
  const active = activeBlindTestPairs(avatar);
  if (active?.personaVersion !== personaVersion) {
    throw new DomainError(
      'BISHOP_ERR_INVALID_STATE',
      'The avatar now answers with another version: load the test again',
      { field: 'personaVersion' },
    );
  }
  const correct = judgeBlindTestGuess(active.pairs, pairIndex, data.chosenReply);
  const guess = { personaVersion, pairIndex, correct, inviteId, guesser };
  if (avatar.blindTest.guessed.has(blindGuessKey(guess))) return [];
  return [{ type: 'BlindTestGuessed', data: guess }];
}

function inviteOf(avatar: LiveAvatar, inviteId: string): BlindTestInvite {
  const invite = avatar.blindTest.invites.get(inviteId);
  if (!invite) throw new DomainError('BISHOP_ERR_NOT_FOUND', 'This invite does not exist', { inviteId });
  return invite;
}

function isOpen(invite: BlindTestInvite, now: string): boolean {
  return !invite.revoked && invite.expiresAt > now;
}
