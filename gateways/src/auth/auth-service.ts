import type { CommandBus } from '@bishop/commands';
import { type Actor, userActor } from '@bishop/domain';
import type { EventStore } from '@bishop/domain/ports';
import { createAccessTokens } from './access-tokens.ts';
import { createAccounts, type LogInInput, type RequestMeta, type SignUpInput } from './accounts.ts';
import { createApiTokens, type FindApiTokenByHash, type IssuedApiToken } from './api-tokens.ts';
import { sessionEnded, unauthenticated } from './auth-errors.ts';
import type { AuthStore } from './auth-store.ts';
import { createLoginThrottle, defaultLoginLimits, type LoginLimits } from './login-throttle.ts';
import { createPasswordHasher, defaultScryptCost, type ScryptCost } from './password-hasher.ts';
import { secretPrefixes } from './secrets.ts';
import { type AuthSession, createSessions } from './sessions.ts';
import { isAccountOpen } from './user-credentials.ts';

export interface AuthServiceOptions {
  /** Log-in reads the email reservation and user streams here (the same store the command bus writes). */
  readonly eventStore: EventStore;
  readonly commandBus: CommandBus;
  readonly store: AuthStore;
  /** HS256 key for access tokens, ≥ 32 bytes; every gateway process must share it. */
  readonly signingKey: Uint8Array;
  readonly findApiTokenByHash: FindApiTokenByHash;
  /** JWT `iss` and `aud` (defaults `bishop` and `bishop-api`). */
  readonly issuer?: string;
  readonly audience?: string;
  readonly accessTokenTtlSeconds?: number;
  readonly refreshTokenTtlSeconds?: number;
  /** scrypt cost for new hashes (default OWASP's minimum); tests lower it. */
  readonly passwordCost?: ScryptCost;
  readonly loginLimits?: LoginLimits;
  readonly clock?: () => Date;
}

/**
 * Everything authentication: accounts (sign-up, log-in), sessions (JWT access
 * tokens + rotating refresh tokens), API tokens, and turning a credential
 * into an Actor. Errors are DomainErrors: BISHOP_ERR_INVALID_EMAIL,
 * BISHOP_ERR_PASSWORD_TOO_SHORT/LONG, BISHOP_ERR_EMAIL_TAKEN,
 * BISHOP_ERR_WRONG_CREDENTIALS, BISHOP_ERR_RATE_LIMITED (details.retryAfterSeconds),
 * BISHOP_ERR_UNAUTHENTICATED (details.reason: missing | expired | invalid | revoked | reused).
 */
export interface AuthService {
  /** Registers the account (as the `auth` service, with a fresh user id) and opens a session. */
  signUp(input: SignUpInput, meta?: RequestMeta): Promise<AuthSession & { readonly position: bigint }>;
  logIn(input: LogInInput): Promise<AuthSession>;
  /** Closes the caller's account once the password is confirmed; its avatars and keys are then shredded. */
  deleteAccount(userId: string, password: string, meta?: RequestMeta): Promise<{ readonly position: bigint }>;
  /** Rotates the refresh token; a reused one ends its whole session family. */
  refresh(refreshToken: string): Promise<AuthSession>;
  logOut(refreshToken: string): Promise<void>;
  verifyAccessToken(token: string): Promise<{ readonly userId: string }>;
  issueApiToken(actor: Actor, input: { readonly name: string }): Promise<IssuedApiToken>;
  revokeApiToken(actor: Actor, tokenId: string): Promise<{ readonly position: bigint }>;
  verifyApiToken(secret: string): Promise<{ readonly userId: string; readonly tokenId: string }>;
  /** When each token was last used (at one-minute resolution); never-used ids are absent. */
  findApiTokensLastUsed(tokenIds: readonly string[]): Promise<Map<string, Date>>;
  /** An `Authorization` header value → the Actor; `null` when absent; throws UNAUTHENTICATED when present but not valid. */
  authenticate(authorization: string | undefined): Promise<Actor | null>;
}

const BEARER = /^Bearer +(\S+) *$/i;

export function createAuthService(options: AuthServiceOptions): AuthService {
  const clock = options.clock ?? (() => new Date());
  const { commandBus, store } = options;
  const accessTokens = createAccessTokens({
    signingKey: options.signingKey,
    issuer: options.issuer ?? 'bishop',
    audience: options.audience ?? 'bishop-api',
    ttlSeconds: options.accessTokenTtlSeconds ?? 15 * 60,
    clock,
  });
  const sessions = createSessions({
    store,
    accessTokens,
    refreshTokenTtlSeconds: options.refreshTokenTtlSeconds ?? 30 * 24 * 3600,
    clock,
  });
  const accounts = createAccounts({
    eventStore: options.eventStore,
    commandBus,
    store,
    hasher: createPasswordHasher(options.passwordCost ?? defaultScryptCost),
    sessions,
    throttle: createLoginThrottle(store, options.loginLimits ?? defaultLoginLimits),
    clock,
  });
  const apiTokens = createApiTokens({ commandBus, store, findApiTokenByHash: options.findApiTokenByHash, clock });

  return {
    signUp: (input, meta) => accounts.signUp(input, meta),
    logIn: (input) => accounts.logIn(input),
    deleteAccount: (userId, password, meta) => accounts.deleteAccount(userId, password, meta),
    async refresh(refreshToken) {
      const session = await sessions.refresh(refreshToken);
      // Sessions outlive nothing: a deleted account's refresh token ends here, with its whole family.
      if (!(await isAccountOpen(options.eventStore, session.userId))) {
        await sessions.end(session.refreshToken);
        throw sessionEnded();
      }
      return session;
    },
    logOut: (refreshToken) => sessions.end(refreshToken),
    verifyAccessToken: (token) => accessTokens.verify(token),
    issueApiToken: (actor, input) => apiTokens.issue(actor, input),
    revokeApiToken: (actor, tokenId) => apiTokens.revoke(actor, tokenId),
    verifyApiToken: (secret) => apiTokens.verify(secret),
    findApiTokensLastUsed: (tokenIds) => store.findApiTokensLastUsed(tokenIds),

    async authenticate(authorization) {
      if (authorization === undefined || authorization.trim() === '') return null;
      const token = BEARER.exec(authorization)?.[1];
      if (token === undefined) {
        throw unauthenticated('The Authorization header must be "Bearer <token>"', 'invalid');
      }
      const { userId } = token.startsWith(secretPrefixes.apiToken)
        ? await apiTokens.verify(token)
        : await accessTokens.verify(token);
      return userActor(userId);
    },
  };
}
