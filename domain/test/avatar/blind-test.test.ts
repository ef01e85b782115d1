import { describe, it } from 'node:test';
import type { AvatarEvent } from '../../src/avatar/avatar.events.ts';
import { systemActor } from '../../src/kernel/actor.ts';
import {
  avatarCommand,
  avatarSpec,
  created,
  NEXT_RUN,
  RUN,
  trainedOnce,
  trainingCompleted,
  trainingStarted,
} from '../support/avatar-history.ts';
import { id } from '../support/ids.ts';

const INVITE = id(61);
const OTHER_INVITE = id(62);
const GUESSER = id(71);
const OTHER_GUESSER = id(72);
const asGuest = { actor: systemActor('blind-test') };
const STALE = /^The avatar now answers with another version: load the test again$/;
const NOT_AN_OPTION = /^Pick one of the two replies shown for this message$/;
const inviteCreated = (inviteId = INVITE, expiresAt = '2025-03-08T10:00:00.000Z'): AvatarEvent => ({
  type: 'BlindTestInviteCreated',
  data: { inviteId, tokenHash: 'sha256$abc', expiresAt },
});
const invite = (days = 7, inviteId = INVITE) =>
  avatarCommand('CreateBlindTestInvite', { inviteId, tokenHash: 'sha256$abc', days });
/** Held-out examples of a test: pair 0 and 2 differ; example 1's avatar reply is the real one (no pair). */
const REAL = ['Sure, see you at six', 'Same as always', 'No idea, ask Pete'];
const AVATAR = ['Yes! Six works', 'Same as always ', 'Ask Pete maybe'];
const testedReport = (runId = RUN, personaVersion = 1) => ({
  format: 'bishop.avatar-test/2',
  runId,
  personaVersion,
  metrics: [],
  examples: REAL.map((real, i) => ({ message: `message ${i}`, real, newVersion: AVATAR[i] ?? null, baseline: null })),
});
const avatarTested = (runId = RUN, personaVersion = 1): AvatarEvent => ({
  type: 'AvatarTested',
  data: { runId, personaVersion, report: testedReport(runId, personaVersion) },
});
/** Version 1 trained and tested: its pairs are 0 and 2. */
const tested = [...trainedOnce, avatarTested()];

type Guess = {
  inviteId?: string | null;
  guesser?: string;
  pairIndex?: number;
  personaVersion?: number;
  chosenReply?: string | null;
};
const guess = (over: Guess = {}) =>
  ({
    personaVersion: 1,
    pairIndex: 0,
    chosenReply: REAL[0] as string,
    inviteId: null,
    guesser: GUESSER,
    ...over,
  }) as const;
const ownerGuess = (over: Guess = {}) => avatarCommand('RecordBlindTestGuess', guess(over));
const guestGuess = (over: Guess = {}, now?: string) =>
  avatarCommand('RecordBlindTestGuess', guess({ inviteId: INVITE, ...over }), { ...asGuest, ...(now ? { now } : {}) });
const guessed = (over: Omit<Guess, 'chosenReply'> & { correct?: boolean } = {}): AvatarEvent => {
  const { personaVersion, pairIndex, inviteId, guesser } = guess(over);
  return {
    type: 'BlindTestGuessed',
    data: { personaVersion, pairIndex, correct: over.correct ?? true, inviteId, guesser },
  };
};

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
      avatarSpec.given(tested).when(ownerGuess()).then([guessed()]);
      avatarSpec
        .given([...tested, guessed()])
        .when(ownerGuess())
        .then([]);
      avatarSpec
        .given([...tested, guessed()])
        .when(ownerGuess({ pairIndex: 2, chosenReply: REAL[2] }))
        .then([guessed({ pairIndex: 2 })]);
    });

    it('judges a guess right when it picks the person’s real reply', () => {
      avatarSpec
        .given(tested)
        .when(ownerGuess({ chosenReply: REAL[0] }))
        .then([guessed({ correct: true })]);
    });

    it('judges a guess wrong when it picks the avatar’s reply', () => {
      avatarSpec
        .given(tested)
        .when(ownerGuess({ chosenReply: AVATAR[0] }))
        .then([guessed({ correct: false })]);
    });

    it('refuses a guess before the active version is tested: there are no pairs yet', () => {
      avatarSpec.given(trainedOnce).when(ownerGuess()).thenThrows('BISHOP_ERR_INVALID_STATE', STALE);
      const untestedNext = [...tested, trainingStarted(NEXT_RUN), trainingCompleted(NEXT_RUN, 2)];
      avatarSpec
        .given(untestedNext)
        .when(ownerGuess({ personaVersion: 2 }))
        .thenThrows('BISHOP_ERR_INVALID_STATE', STALE);
    });

    it('refuses a guess for a version that no longer answers', () => {
      const retrained = [
        ...tested,
        trainingStarted(NEXT_RUN),
        trainingCompleted(NEXT_RUN, 2),
        avatarTested(NEXT_RUN, 2),
      ];
      avatarSpec.given(retrained).when(ownerGuess()).thenThrows('BISHOP_ERR_INVALID_STATE', STALE);
      avatarSpec
        .given(retrained)
        .when(ownerGuess({ personaVersion: 2 }))
        .then([guessed({ personaVersion: 2 })]);
      const activatedBack: AvatarEvent = { type: 'PersonaVersionActivated', data: { personaVersion: 1 } };
      avatarSpec
        .given([...retrained, activatedBack])
        .when(ownerGuess({ personaVersion: 2 }))
        .thenThrows('BISHOP_ERR_INVALID_STATE', STALE);
    });

    it('refuses a reply that is not one of the pair’s, or a pair the test did not show', () => {
      avatarSpec
        .given(tested)
        .when(ownerGuess({ chosenReply: 'Something else' }))
        .thenThrows('BISHOP_ERR_INVALID_VALUE', NOT_AN_OPTION);
      avatarSpec
        .given(tested)
        .when(ownerGuess({ chosenReply: REAL[2] }))
        .thenThrows('BISHOP_ERR_INVALID_VALUE', NOT_AN_OPTION);
      avatarSpec
        .given(tested)
        .when(ownerGuess({ chosenReply: null }))
        .thenThrows('BISHOP_ERR_INVALID_VALUE', NOT_AN_OPTION);
      // Example 1's avatar reply matches the real one: not a pair.
      avatarSpec
        .given(tested)
        .when(ownerGuess({ pairIndex: 1, chosenReply: REAL[1] }))
        .thenThrows('BISHOP_ERR_INVALID_VALUE', NOT_AN_OPTION);
    });

    it('refuses a pair index out of range', () => {
      avatarSpec
        .given(tested)
        .when(ownerGuess({ pairIndex: -1 }))
        .thenThrows('BISHOP_ERR_INVALID_VALUE');
      avatarSpec
        .given(tested)
        .when(ownerGuess({ pairIndex: 100 }))
        .thenThrows('BISHOP_ERR_INVALID_VALUE');
    });

    it('refuses an owner guess that names an invite', () => {
      avatarSpec
        .given([...tested, inviteCreated()])
        .when(ownerGuess({ inviteId: INVITE }))
        .thenThrows('BISHOP_ERR_FORBIDDEN');
    });
  });

  describe('with an invite', () => {
    const invited = [...tested, inviteCreated()];

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
