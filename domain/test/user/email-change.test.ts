import { describe, it } from 'node:test';
import type { UserEvent } from '../../src/user/user.events.ts';
import { registered, userCommand, userSpec } from './support.ts';

const changeEmail = (email: string) => userCommand('ChangeEmail', { email });
const changed = (email: string): UserEvent => ({ type: 'EmailChanged', data: { email } });

describe('email change', () => {
  describe('when the account is open', () => {
    it('changes the address, stored in its one spelling', () => {
      userSpec
        .given([registered])
        .when(changeEmail('  Anna.New@Example.ORG '))
        .then([changed('anna.new@example.org')]);
    });

    it('changes nothing when the address is the same', () => {
      userSpec.given([registered]).when(changeEmail('ANNA@example.org')).then([]);
      userSpec
        .given([registered, changed('anna.new@example.org')])
        .when(changeEmail('anna.new@example.org'))
        .then([]);
    });

    it('changes back to an earlier address', () => {
      userSpec
        .given([registered, changed('anna.new@example.org')])
        .when(changeEmail('anna@example.org'))
        .then([changed('anna@example.org')]);
    });

    it('rejects an address that is not one', () => {
      userSpec.given([registered]).when(changeEmail('anna at example')).thenThrows('BISHOP_ERR_INVALID_EMAIL');
    });
  });

  describe('when the account is deleted', () => {
    it('rejects a new address', () => {
      userSpec
        .given([registered, { type: 'AccountDeleted', data: {} }])
        .when(changeEmail('anna.new@example.org'))
        .thenThrows('BISHOP_ERR_DELETED');
    });
  });
});
