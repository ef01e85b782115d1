import { describe, it } from 'node:test';
import type { AvatarEvent } from '../../src/avatar/avatar.events.ts';
import { systemActor } from '../../src/kernel/actor.ts';
import { avatarCommand, avatarSpec, created, trainedOnce } from '../support/avatar-history.ts';
import { id } from '../support/ids.ts';

const INVITE = id(61);
const OTHER_INVITE = id(62);
const GUESSER = id(71);
const OTHER_GUESSER = id(72);
const asGuest = { actor: systemActor('blind-test') };
const inviteCreated = (inviteId = INVITE, expiresAt = '2025-03-08T10:00:00.000Z'): AvatarEvent => ({
  type: 'BlindTestInviteCreated',
  data: { inviteId, tokenHash: 'sha256$abc', expiresAt },
});
const invite = (days = 7, inviteId = INVITE) =>
  avatarCommand('CreateBlindTestInvite', { inviteId, tokenHash: 'sha256$abc', days });
const guess = (
  over: { inviteId?: string | null; guesser?: string; pairIndex?: number; personaVersion?: number } = {},
) => ({ personaVersion: 1, pairIndex: 0, correct: true, inviteId: null, guesser: GUESSER, ...over }) as const;
const ownerGuess = (over: Parameters<typeof guess>[0] = {}) => avatarCommand('RecordBlindTestGuess', guess(over));
const guestGuess = (over: Parameters<typeof guess>[0] = {}, now?: string) =>
  avatarCommand('RecordBlindTestGuess', guess({ inviteId: INVITE, ...over }), { ...asGuest, ...(now ? { now } : {}) });
const guessed = (over: Parameters<typeof guess>[0] = {}): AvatarEvent => ({
  type: 'BlindTestGuessed',
  data: guess(over),
});

describe('blind test', () => {
  describe('before training', () => {
    it('refuses an invite: there are no replies to tell apart', () => {
      avatarSpec.given([created]).when(invite()).thenThrows('BISHOP_ERR_INVALID_STATE');
    });

    it('refuses a guess on a version that does not exist', () => {
      avatarSpec.given([created]).when(ownerGuess()).thenThrows('BISHOP_ERR_NOT_FOUND');
    });
  });

  describe('when trained', () => {
    it('makes an invite that expires after the days asked for', () => {
      avatarSpec.given(trainedOnce).when(invite(7)).then([inviteCreated()]);
    });

    it('refuses an invite for no days or more than thirty', () => {
      avatarSpec.given(trainedOnce).when(invite(0)).thenThrows('BISHOP_ERR_INVALID_VALUE');
      avatarSpec.given(trainedOnce).when(invite(31)).thenThrows('BISHOP_ERR_INVALID_VALUE');
    });

    it('makes the same invite once (a retried command)', () => {
      avatarSpec
        .given([...trainedOnce, inviteCreated()])
        .when(invite())
        .then([]);
    });

    it('keeps at most twenty invites open at once', () => {
      const open = Array.from({ length: 20 }, (_, i) => inviteCreated(id(100 + i)));
      avatarSpec
        .given([...trainedOnce, ...open])
        .when(invite(7, OTHER_INVITE))
        .thenThrows('BISHOP_ERR_LIMIT_EXCEEDED');
      const expired = open.map((_, i) => inviteCreated(id(100 + i), '2025-02-01T00:00:00.000Z'));
      avatarSpec
        .given([...trainedOnce, ...expired])
        .when(invite(7, OTHER_INVITE))
        .then([inviteCreated(OTHER_INVITE)]);
    });

    it('records the owner’s guess once per pair', () => {
      avatarSpec.given(trainedOnce).when(ownerGuess()).then([guessed()]);
      avatarSpec
        .given([...trainedOnce, guessed()])
        .when(ownerGuess())
        .then([]);
      avatarSpec
        .given([...trainedOnce, guessed()])
        .when(ownerGuess({ pairIndex: 1 }))
        .then([guessed({ pairIndex: 1 })]);
    });

    it('refuses a pair index out of range', () => {
      avatarSpec
        .given(trainedOnce)
        .when(ownerGuess({ pairIndex: -1 }))
        .thenThrows('BISHOP_ERR_INVALID_VALUE');
      avatarSpec
        .given(trainedOnce)
        .when(ownerGuess({ pairIndex: 100 }))
        .thenThrows('BISHOP_ERR_INVALID_VALUE');
    });

    it('refuses an owner guess that names an invite', () => {
      avatarSpec
        .given([...trainedOnce, inviteCreated()])
        .when(ownerGuess({ inviteId: INVITE }))
        .thenThrows('BISHOP_ERR_FORBIDDEN');
    });
  });

  describe('with an invite', () => {
    const invited = [...trainedOnce, inviteCreated()];

    it('records a guest’s guess, once per guest and pair', () => {
      avatarSpec
        .given(invited)
        .when(guestGuess())
        .then([guessed({ inviteId: INVITE })]);
      avatarSpec
        .given([...invited, guessed({ inviteId: INVITE })])
        .when(guestGuess())
        .then([]);
      avatarSpec
        .given([...invited, guessed({ inviteId: INVITE })])
        .when(guestGuess({ guesser: OTHER_GUESSER }))
        .then([guessed({ inviteId: INVITE, guesser: OTHER_GUESSER })]);
    });

    it('refuses a guest without an invite', () => {
      avatarSpec
        .given(invited)
        .when(guestGuess({ inviteId: null }))
        .thenThrows('BISHOP_ERR_FORBIDDEN');
    });

    it('refuses an invite that does not exist', () => {
      avatarSpec
        .given(invited)
        .when(guestGuess({ inviteId: OTHER_INVITE }))
        .thenThrows('BISHOP_ERR_NOT_FOUND');
    });

    it('refuses guesses once the invite has expired', () => {
      avatarSpec
        .given(invited)
        .when(guestGuess({}, '2025-03-08T10:00:00.000Z'))
        .thenThrows('BISHOP_ERR_INVITE_INVALID');
    });

    it('refuses guesses once the invite is revoked, and revokes once', () => {
      const revoked: AvatarEvent = { type: 'BlindTestInviteRevoked', data: { inviteId: INVITE } };
      const revoke = avatarCommand('RevokeBlindTestInvite', { inviteId: INVITE });
      avatarSpec.given(invited).when(revoke).then([revoked]);
      avatarSpec
        .given([...invited, revoked])
        .when(revoke)
        .then([]);
      avatarSpec
        .given([...invited, revoked])
        .when(guestGuess())
        .thenThrows('BISHOP_ERR_INVITE_INVALID');
    });

    it('refuses to revoke an invite that does not exist', () => {
      avatarSpec
        .given(invited)
        .when(avatarCommand('RevokeBlindTestInvite', { inviteId: OTHER_INVITE }))
        .thenThrows('BISHOP_ERR_NOT_FOUND');
    });
  });
});
