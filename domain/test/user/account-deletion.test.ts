import { describe, it } from 'node:test';
import type { UserEvent } from '../../src/user/user.events.ts';
import { HASH, registered, tokenId, tokenIssued, userCommand, userSpec } from './support.ts';

const deleted: UserEvent = { type: 'AccountDeleted', data: {} };
const deleteAccount = () => userCommand('DeleteAccount', {});

describe('account deletion', () => {
  describe('when the account is open', () => {
    it('deletes it', () => {
      userSpec.given([registered]).when(deleteAccount()).then([deleted]);
    });

    it('deletes it whatever tokens it still has', () => {
      userSpec
        .given([registered, tokenIssued(1)])
        .when(deleteAccount())
        .then([deleted]);
    });
  });

  describe('when the account is deleted', () => {
    const commands = [
      ['deleting it again', deleteAccount()],
      ['updating the profile', userCommand('UpdateProfile', { fullName: 'Anna' })],
      ['changing the password', userCommand('ChangePassword', { passwordHash: `${HASH}x` })],
      ['issuing an API token', userCommand('IssueApiToken', { tokenId: tokenId(2), name: 'CI', tokenHash: 'h' })],
      ['revoking an API token', userCommand('RevokeApiToken', { tokenId: tokenId(1) })],
    ] as const;
    for (const [what, command] of commands) {
      it(`rejects ${what}`, () => {
        userSpec
          .given([registered, tokenIssued(1), deleted])
          .when(command)
          .thenThrows('BISHOP_ERR_DELETED', /account was deleted/);
      });
    }
  });

  describe('before the account exists', () => {
    it('rejects deleting it', () => {
      userSpec.given([]).when(deleteAccount()).thenThrows('BISHOP_ERR_NOT_FOUND');
    });
  });
});
