import { randomUUID } from 'node:crypto';
import type { CommandBus } from '@bishop/commands';
import { type ApiTokenIssued, type DomainEvent, type RevocationSignal, userActor } from '@bishop/domain';
import { requireSession, unauthenticated } from './auth-errors.ts';
import type { AuthStore } from './auth-store.ts';
import type { Credential } from './credentials.ts';
import { hasSecretShape, newSecret, sha256Hex } from './secrets.ts';

/**
 * Finds an issued API token by the SHA-256 hex of its secret. The read models
 * implement it from ApiTokenIssued/ApiTokenRevoked, so a new token works, and
 * a revoked one stops working, once they have caught up with the command.
 */
export type FindApiTokenByHash = (
  tokenHash: string,
) => Promise<{ readonly tokenId: string; readonly userId: string; readonly revoked: boolean } | null>;

export interface IssuedApiToken {
  readonly tokenId: string;
  readonly name: string;
  /** `bishop_pat_…`: shown once, never stored. */
  readonly secret: string;
  /** `$all` position of ApiTokenIssued: the token authenticates once read models reach it. */
  readonly position: bigint;
}

export interface ApiTokenOptions {
  readonly commandBus: CommandBus;
  readonly store: AuthStore;
  readonly findApiTokenByHash: FindApiTokenByHash;
  readonly clock: () => Date;
  readonly announce: (signal: RevocationSignal) => void;
}

/** Last use is written at most this often per token: "used today" matters, every request does not. */
const LAST_USE_INTERVAL_MS = 60_000;

/** Long-lived personal tokens for integrators: the event store keeps their hashes, the AuthStore their last use. */
export function createApiTokens(options: ApiTokenOptions) {
  const { commandBus, store, clock } = options;
  // Per-process memory of the last write, so a busy token costs no round trip per request.
  const lastWritten = new Map<string, number>();

  async function recordUse(tokenId: string, now: Date): Promise<void> {
    const previous = lastWritten.get(tokenId);
    if (previous !== undefined && now.getTime() - previous < LAST_USE_INTERVAL_MS) return;
    if (lastWritten.size > 10_000) lastWritten.clear();
    lastWritten.set(tokenId, now.getTime());
    // The store applies the same interval, so other processes do not write more often either.
    await store.recordApiTokenUse(tokenId, now, LAST_USE_INTERVAL_MS);
  }

  return {
    /** Only from a session: an API token minting API tokens would outlive every revocation of itself. */
    async issue(caller: Credential | null, input: { readonly name: string }): Promise<IssuedApiToken> {
      const userId = requireSession(caller, 'issue API tokens');
      const actor = userActor(userId);
      const tokenId = randomUUID();
      const secret = newSecret('apiToken');
      const result = await commandBus.user(userId, {
        type: 'IssueApiToken',
        data: { tokenId, name: input.name, tokenHash: sha256Hex(secret) },
        metadata: { commandId: randomUUID(), actor, now: clock().toISOString() },
      });
      // The domain tidies the name (trimmed, NFC): answer with the name it stored.
      const issued = result.events.find(
        (event: DomainEvent): event is ApiTokenIssued => event.type === 'ApiTokenIssued',
      );
      return { tokenId, name: issued?.data.name ?? input.name, secret, position: result.position };
    },

    async revoke(caller: Credential | null, tokenId: string): Promise<{ readonly position: bigint }> {
      const userId = requireSession(caller, 'revoke API tokens');
      const result = await commandBus.user(userId, {
        type: 'RevokeApiToken',
        data: { tokenId },
        metadata: { commandId: randomUUID(), actor: userActor(userId), now: clock().toISOString() },
      });
      options.announce({ kind: 'apiToken', userId, tokenId });
      return { position: result.position };
    },

    async verify(secret: string): Promise<{ readonly userId: string; readonly tokenId: string }> {
      if (!hasSecretShape('apiToken', secret)) throw unauthenticated('Invalid API token', 'invalid');
      const token = await options.findApiTokenByHash(sha256Hex(secret));
      if (token === null) throw unauthenticated('Invalid API token', 'invalid');
      if (token.revoked) throw unauthenticated('The API token was revoked', 'revoked');
      await recordUse(token.tokenId, clock());
      return { userId: token.userId, tokenId: token.tokenId };
    },
  };
}
