import { describe, it } from 'node:test';
import { systemActor, userActor } from '../../src/kernel/actor.ts';
import type { RegisterUser } from '../../src/user/user.commands.ts';
import { BAD_IDS, OWNER, STRANGER } from '../support/ids.ts';
import { HASH, registered, userCommand, userSpec } from './support.ts';

const auth = { actor: systemActor('auth') };
const register = (overrides: Partial<RegisterUser['data']> = {}, metadata = auth) =>
  userCommand(
    'RegisterUser',
    { userId: OWNER, email: 'anna@example.org', fullName: 'Anna Petrova', passwordHash: HASH, ...overrides },
    metadata,
  );

describe('user registration', () => {
  describe('before the user exists', () => {
    it('registers the user with a trimmed, lowercased email', () => {
      userSpec
        .given([])
        .when(register({ email: '  Anna@Example.ORG ' }))
        .then([registered]);
    });

    it('lets a signed-in user register themselves', () => {
      userSpec
        .given([])
        .when(register({}, { actor: userActor(OWNER) }))
        .then([registered]);
    });

    it('rejects a signed-in user registering someone else', () => {
      userSpec
        .given([])
        .when(register({}, { actor: userActor(STRANGER) }))
        .thenThrows('BISHOP_ERR_FORBIDDEN');
    });

    const badEmails = [
      'anna.example.org',
      'anna@@example.org',
      'an@na@example.org',
      '@example.org',
      'anna@example',
      'anna@.org',
      'anna@example.',
      'an na@example.org',
      'anna@exa\u0000mple.org',
      'anna\ud800@example.org',
      `${'a'.repeat(250)}@example.org`,
      '',
    ];
    for (const email of badEmails) {
      it(`rejects the email ${JSON.stringify(email.slice(0, 30))}`, () => {
        userSpec
          .given([])
          .when(register({ email }))
          .thenThrows('BISHOP_ERR_INVALID_EMAIL', /^Email address is not valid$/);
      });
    }

    it('accepts an internationalised address', () => {
      userSpec
        .given([])
        .when(register({ email: 'Анна@пример.рф' }))
        .then([{ type: 'UserRegistered', data: { ...registered.data, email: 'анна@пример.рф' } } as typeof registered]);
    });

    const badNames: [string, string, string][] = [
      ['an empty full name', '', 'BISHOP_ERR_TEXT_REQUIRED'],
      ['a full name over 200 characters', 'x'.repeat(201), 'BISHOP_ERR_TEXT_TOO_LONG'],
      ['a full name with a line break', 'Anna\r\nPetrova', 'BISHOP_ERR_TEXT_CONTROL_CHARACTERS'],
      ['a full name that is not valid UTF-8', '\ud800Anna', 'BISHOP_ERR_TEXT_INVALID_UTF8'],
    ];
    for (const [what, fullName, code] of badNames) {
      it(`rejects ${what}`, () => {
        userSpec
          .given([])
          .when(register({ fullName }))
          .thenThrows(code as 'BISHOP_ERR_TEXT_REQUIRED');
      });
    }

    it('rejects an empty password hash', () => {
      userSpec
        .given([])
        .when(register({ passwordHash: '' }))
        .thenThrows('BISHOP_ERR_INVALID_VALUE', /Password hash/);
    });

    for (const badId of BAD_IDS) {
      it(`rejects the user id ${JSON.stringify(badId)}`, () => {
        userSpec
          .given([])
          .when(register({ userId: badId }))
          .thenThrows('BISHOP_ERR_INVALID_ID');
      });
    }

    it('rejects a profile update as not found', () => {
      userSpec
        .given([])
        .when(userCommand('UpdateProfile', { fullName: 'Anna' }))
        .thenThrows('BISHOP_ERR_NOT_FOUND');
    });
  });

  describe('when registered', () => {
    it('rejects registering again', () => {
      userSpec.given([registered]).when(register()).thenThrows('BISHOP_ERR_ALREADY_EXISTS');
    });

    it('updates the full name', () => {
      userSpec
        .given([registered])
        .when(userCommand('UpdateProfile', { fullName: 'Anna Ivanova' }))
        .then([{ type: 'UserProfileUpdated', data: { fullName: 'Anna Ivanova' } }]);
    });

    it('ignores an update that changes nothing', () => {
      userSpec
        .given([registered])
        .when(userCommand('UpdateProfile', { fullName: 'Anna Petrova ' }))
        .then([]);
    });

    it('rejects a full name over 200 characters', () => {
      userSpec
        .given([registered])
        .when(userCommand('UpdateProfile', { fullName: 'x'.repeat(201) }))
        .thenThrows('BISHOP_ERR_TEXT_TOO_LONG');
    });

    it('changes the password hash', () => {
      userSpec
        .given([registered])
        .when(userCommand('ChangePassword', { passwordHash: 'new-hash' }))
        .then([{ type: 'PasswordChanged', data: { passwordHash: 'new-hash' } }]);
    });

    it('ignores the same hash again', () => {
      userSpec
        .given([registered])
        .when(userCommand('ChangePassword', { passwordHash: HASH }))
        .then([]);
    });

    it('rejects a hash with spaces', () => {
      userSpec
        .given([registered])
        .when(userCommand('ChangePassword', { passwordHash: 'my password' }))
        .thenThrows('BISHOP_ERR_INVALID_VALUE');
    });
  });
});
