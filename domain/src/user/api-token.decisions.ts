import { DomainError } from '../kernel/errors.ts';
import { validId } from '../kernel/ids.ts';
import type { IssueApiToken, RevokeApiToken } from './user.commands.ts';
import type { ApiTokenIssued, ApiTokenRevoked } from './user.events.ts';
import { userLimits, validSecretHash, validTokenName } from './user.rules.ts';
import type { RegisteredUser } from './user.state.ts';

export function issueApiToken({ data, metadata }: IssueApiToken, user: RegisteredUser): ApiTokenIssued[] {
  const tokenId = validId(data.tokenId, 'Token id');
  const name = validTokenName(data.name);
  const tokenHash = validSecretHash(data.tokenHash, 'Token hash');
  if (user.apiTokens.has(tokenId)) {
    throw new DomainError('BISHOP_ERR_ALREADY_EXISTS', 'An API token with this id already exists', { tokenId });
  }
  const active = [...user.apiTokens.values()].filter((token) => !token.revoked);
  if (active.length >= userLimits.activeApiTokensMax) {
    throw new DomainError(
      'BISHOP_ERR_LIMIT_EXCEEDED',
      `You can have at most ${userLimits.activeApiTokensMax} active API tokens; revoke one before issuing another`,
      { limit: userLimits.activeApiTokensMax },
    );
  }
  // Names tell tokens apart in the list, so two active tokens may not share one (case-insensitively).
  if (active.some((token) => token.name.toLowerCase() === name.toLowerCase())) {
    throw new DomainError('BISHOP_ERR_ALREADY_EXISTS', `You already have an active API token named "${name}"`, {
      field: 'name',
    });
  }
  return [{ type: 'ApiTokenIssued', data: { tokenId, name, tokenHash, issuedAt: metadata.now } }];
}

export function revokeApiToken({ data }: RevokeApiToken, user: RegisteredUser): ApiTokenRevoked[] {
  const tokenId = validId(data.tokenId, 'Token id');
  const token = user.apiTokens.get(tokenId);
  if (token === undefined) {
    throw new DomainError('BISHOP_ERR_NOT_FOUND', 'This API token does not exist', { tokenId });
  }
  if (token.revoked) return [];
  return [{ type: 'ApiTokenRevoked', data: { tokenId } }];
}
