import { describe, it } from 'node:test';
import { systemActor, userActor } from '../../src/kernel/actor.ts';
import {
  asWorker,
  avatarCommand,
  avatarSpec,
  created,
  deleted,
  RUN,
  readyToTrain,
  trainingStarted,
} from '../support/avatar-history.ts';
import { AVATAR, BAD_IDS, OWNER, STRANGER } from '../support/ids.ts';

const emptyCard = {
  description: null,
  personality: null,
  scenario: null,
  instructions: null,
  gender: null,
  languages: [],
};

describe('avatar profile', () => {
  describe('before the avatar exists', () => {
    it('creates it with the acting user as owner', () => {
      avatarSpec
        .given([])
        .when(
          avatarCommand('CreateAvatar', { avatarId: AVATAR, name: '  Anna Petrova ' }, { actor: userActor(STRANGER) }),
        )
        .then([{ type: 'AvatarCreated', data: { avatarId: AVATAR, ownerId: STRANGER, name: 'Anna Petrova' } }]);
    });

    it('stores the name in NFC', () => {
      avatarSpec
        .given([])
        .when(avatarCommand('CreateAvatar', { avatarId: AVATAR, name: 'Фе\u0308дор' }))
        .then([{ type: 'AvatarCreated', data: { avatarId: AVATAR, ownerId: OWNER, name: 'Фёдор' } }]);
    });

    it('rejects a system actor, who cannot own an avatar', () => {
      avatarSpec
        .given([])
        .when(avatarCommand('CreateAvatar', { avatarId: AVATAR, name: 'Anna' }, { actor: systemActor('import') }))
        .thenThrows('BISHOP_ERR_FORBIDDEN');
    });

    for (const badId of BAD_IDS) {
      it(`rejects the avatar id ${JSON.stringify(badId)}`, () => {
        avatarSpec
          .given([])
          .when(avatarCommand('CreateAvatar', { avatarId: badId, name: 'Anna' }))
          .thenThrows('BISHOP_ERR_INVALID_ID');
      });
    }

    const badNames: [string, string, string][] = [
      ['an empty name', '   ', 'BISHOP_ERR_TEXT_REQUIRED'],
      ['a name over 100 characters', 'x'.repeat(101), 'BISHOP_ERR_TEXT_TOO_LONG'],
      ['a name with a line break', 'Anna\nPetrova', 'BISHOP_ERR_TEXT_CONTROL_CHARACTERS'],
      ['a name with a control character', 'Anna\u0007', 'BISHOP_ERR_TEXT_CONTROL_CHARACTERS'],
      ['a name with a bidi override', 'Anna\u202e', 'BISHOP_ERR_TEXT_CONTROL_CHARACTERS'],
      ['a name that is not valid UTF-8', 'Anna\ud800', 'BISHOP_ERR_TEXT_INVALID_UTF8'],
    ];
    for (const [what, name, code] of badNames) {
      it(`rejects ${what}`, () => {
        avatarSpec
          .given([])
          .when(avatarCommand('CreateAvatar', { avatarId: AVATAR, name }))
          .thenThrows(code as 'BISHOP_ERR_TEXT_REQUIRED');
      });
    }

    it('accepts a name of exactly 100 characters, counting emoji as one', () => {
      const name = `${'x'.repeat(99)}🙂`;
      avatarSpec
        .given([])
        .when(avatarCommand('CreateAvatar', { avatarId: AVATAR, name }))
        .then([{ type: 'AvatarCreated', data: { avatarId: AVATAR, ownerId: OWNER, name } }]);
    });
  });

  describe('when the avatar exists', () => {
    it('rejects creating it again', () => {
      avatarSpec
        .given([created])
        .when(avatarCommand('CreateAvatar', { avatarId: AVATAR, name: 'Anna' }))
        .thenThrows('BISHOP_ERR_ALREADY_EXISTS');
    });

    it('rejects creating it again after deletion', () => {
      avatarSpec
        .given([created, deleted])
        .when(avatarCommand('CreateAvatar', { avatarId: AVATAR, name: 'Anna' }))
        .thenThrows('BISHOP_ERR_ALREADY_EXISTS');
    });

    it('renames it', () => {
      avatarSpec
        .given([created])
        .when(avatarCommand('RenameAvatar', { name: 'Anna P.' }))
        .then([{ type: 'AvatarRenamed', data: { name: 'Anna P.' } }]);
    });

    it('ignores a rename to the current name', () => {
      avatarSpec
        .given([created])
        .when(avatarCommand('RenameAvatar', { name: ' Anna ' }))
        .then([]);
    });

    it('rejects a new name over 100 characters', () => {
      avatarSpec
        .given([created])
        .when(avatarCommand('RenameAvatar', { name: 'x'.repeat(140) }))
        .thenThrows('BISHOP_ERR_TEXT_TOO_LONG', /at most 100 characters \(got 140\)/);
    });

    it('deletes it once the user types its name (spaces around it do not matter)', () => {
      avatarSpec
        .given([created])
        .when(avatarCommand('DeleteAvatar', { confirmName: ' Anna ' }))
        .then([deleted]);
    });

    it('refuses to delete it for a user who types another name, or none', () => {
      for (const confirmName of ['Ann', undefined]) {
        avatarSpec
          .given([created])
          .when(avatarCommand('DeleteAvatar', confirmName === undefined ? {} : { confirmName }))
          .thenThrows('BISHOP_ERR_INVALID_VALUE', /^Type the avatar's name exactly \("Anna"\) to confirm$/);
      }
    });

    it('deletes it for the system closing the account, which types no name', () => {
      avatarSpec
        .given([created])
        .when(avatarCommand('DeleteAvatar', {}, { actor: systemActor('shred') }))
        .then([deleted]);
    });
  });

  describe('when training', () => {
    it('still deletes the avatar: the run ends with it', () => {
      avatarSpec
        .given([...readyToTrain, trainingStarted()])
        .when(avatarCommand('DeleteAvatar', { confirmName: 'Anna' }))
        .then([deleted]);
    });

    it('rejects the worker once the avatar is deleted', () => {
      avatarSpec
        .given([...readyToTrain, trainingStarted(), deleted])
        .when(avatarCommand('RecordTrainingProgress', { runId: RUN, stage: 'cleaning', percent: 10 }, asWorker))
        .thenThrows('BISHOP_ERR_DELETED');
    });
  });

  describe('persona card', () => {
    const card = {
      description: 'Professor of physics.\n\tTeaches since 1990.',
      personality: 'Patient, ironic',
      scenario: null,
      instructions: '',
      gender: 'female' as const,
      languages: ['RU', 'en-gb', 'ru', 'sr-latn'],
    };

    it('records the normalised card: empty texts become null, languages canonical and unique', () => {
      avatarSpec
        .given([created])
        .when(avatarCommand('EditPersonaCard', card))
        .then([
          {
            type: 'PersonaCardEdited',
            data: {
              description: 'Professor of physics.\n\tTeaches since 1990.',
              personality: 'Patient, ironic',
              scenario: null,
              instructions: null,
              gender: 'female',
              languages: ['ru', 'en-GB', 'sr-Latn'],
            },
          },
        ]);
    });

    it('ignores an edit that changes nothing', () => {
      avatarSpec.given([created]).when(avatarCommand('EditPersonaCard', emptyCard)).then([]);
    });

    it('rejects a text over 4000 characters', () => {
      avatarSpec
        .given([created])
        .when(avatarCommand('EditPersonaCard', { ...emptyCard, scenario: 'x'.repeat(4001) }))
        .thenThrows('BISHOP_ERR_TEXT_TOO_LONG', /Scenario/);
    });

    it('rejects control characters even in multi-line texts', () => {
      avatarSpec
        .given([created])
        .when(avatarCommand('EditPersonaCard', { ...emptyCard, personality: 'kind\u0000' }))
        .thenThrows('BISHOP_ERR_TEXT_CONTROL_CHARACTERS');
    });

    it('rejects invalid UTF-8', () => {
      avatarSpec
        .given([created])
        .when(avatarCommand('EditPersonaCard', { ...emptyCard, instructions: 'be \ud800 brief' }))
        .thenThrows('BISHOP_ERR_TEXT_INVALID_UTF8');
    });

    it('rejects an unknown gender', () => {
      avatarSpec
        .given([created])
        .when(avatarCommand('EditPersonaCard', { ...emptyCard, gender: 'robot' as 'other' }))
        .thenThrows('BISHOP_ERR_INVALID_VALUE', /Gender must be one of: female, male, other/);
    });

    it('rejects a language that is not a language code', () => {
      avatarSpec
        .given([created])
        .when(avatarCommand('EditPersonaCard', { ...emptyCard, languages: ['Russian'] }))
        .thenThrows('BISHOP_ERR_INVALID_VALUE');
    });

    it('rejects more than 10 languages', () => {
      const languages = ['ru', 'en', 'de', 'fr', 'es', 'it', 'pt', 'uk', 'pl', 'cs', 'sk'];
      avatarSpec
        .given([created])
        .when(avatarCommand('EditPersonaCard', { ...emptyCard, languages }))
        .thenThrows('BISHOP_ERR_LIMIT_EXCEEDED');
    });
  });
});
