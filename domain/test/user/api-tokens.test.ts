import { describe, it } from 'node:test';
import type { UserEvent } from '../../src/user/user.events.ts';
import { NOW } from '../support/commands.ts';
import { registered, tokenId, tokenIssued, tokenRevoked, userCommand, userSpec } from './support.ts';

const issue = (n: number, name = `token ${n}`) =>
  userCommand('IssueApiToken', { tokenId: tokenId(n), name, tokenHash: `hash-${n}` });
const revoke = (n: number) => userCommand('RevokeApiToken', { tokenId: tokenId(n) });
const tokens = (count: number): UserEvent[] => Array.from({ length: count }, (_, i) => tokenIssued(i + 1));

describe('API tokens', () => {
  describe('issuing', () => {
    it('issues a token stamped with the time of the command', () => {
      userSpec
        .given([registered])
        .when(issue(1, ' CI pipeline '))
        .then([
          {
            type: 'ApiTokenIssued',
            data: { tokenId: tokenId(1), name: 'CI pipeline', tokenHash: 'hash-1', issuedAt: NOW },
          },
        ]);
    });

    it('rejects a name an active token has, whatever the case', () => {
      userSpec
        .given([registered, tokenIssued(1, 'CI')])
        .when(issue(2, 'ci'))
        .thenThrows('BISHOP_ERR_ALREADY_EXISTS', /named "ci"/);
    });

    it('reuses the name of a revoked token', () => {
      userSpec
        .given([registered, tokenIssued(1, 'CI'), tokenRevoked(1)])
        .when(issue(2, 'CI'))
        .then([
          { type: 'ApiTokenIssued', data: { tokenId: tokenId(2), name: 'CI', tokenHash: 'hash-2', issuedAt: NOW } },
        ]);
    });

    it('rejects the 51st active token', () => {
      userSpec
        .given([registered, ...tokens(50)])
        .when(issue(51))
        .thenThrows('BISHOP_ERR_LIMIT_EXCEEDED', /at most 50/);
    });

    it('issues a token when one of 50 is revoked', () => {
      userSpec
        .given([registered, ...tokens(50), tokenRevoked(7)])
        .when(issue(51))
        .then([
          {
            type: 'ApiTokenIssued',
            data: { tokenId: tokenId(51), name: 'token 51', tokenHash: 'hash-51', issuedAt: NOW },
          },
        ]);
    });

    it('rejects a token id used before, even when revoked', () => {
      userSpec
        .given([registered, tokenIssued(1), tokenRevoked(1)])
        .when(issue(1, 'again'))
        .thenThrows('BISHOP_ERR_ALREADY_EXISTS');
    });

    it('rejects a name over 100 characters', () => {
      userSpec
        .given([registered])
        .when(issue(1, 'x'.repeat(101)))
        .thenThrows('BISHOP_ERR_TEXT_TOO_LONG');
    });

    it('rejects a name with a control character', () => {
      userSpec.given([registered]).when(issue(1, 'CI\u0085')).thenThrows('BISHOP_ERR_TEXT_CONTROL_CHARACTERS');
    });

    it('rejects an empty token hash', () => {
      userSpec
        .given([registered])
        .when(userCommand('IssueApiToken', { tokenId: tokenId(1), name: 'CI', tokenHash: '' }))
        .thenThrows('BISHOP_ERR_INVALID_VALUE');
    });

    it('rejects a bad token id', () => {
      userSpec
        .given([registered])
        .when(userCommand('IssueApiToken', { tokenId: 'tok_1', name: 'CI', tokenHash: 'h' }))
        .thenThrows('BISHOP_ERR_INVALID_ID');
    });
  });

  describe('revoking', () => {
    it('revokes an active token', () => {
      userSpec
        .given([registered, tokenIssued(1)])
        .when(revoke(1))
        .then([tokenRevoked(1)]);
    });

    it('ignores revoking it twice', () => {
      userSpec
        .given([registered, tokenIssued(1), tokenRevoked(1)])
        .when(revoke(1))
        .then([]);
    });

    it('rejects an unknown token', () => {
      userSpec.given([registered]).when(revoke(1)).thenThrows('BISHOP_ERR_NOT_FOUND');
    });
  });
});
