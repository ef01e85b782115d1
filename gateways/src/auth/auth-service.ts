import { randomUUID } from 'node:crypto';
import type { CommandBus } from '@bishop/commands';
import { type Actor, DomainError, normalizeEmail, type RevocationSignal, userActor, validEmail } from '@bishop/domain';
import type { EventStore } from '@bishop/domain/ports';
import { createAccessTokens } from './access-tokens.ts';
import { type ClientMeta, createAccounts, type LogInInput, type RequestMeta, type SignUpInput } from './accounts.ts';
import { createApiTokens, type FindApiTokenByHash, type IssuedApiToken } from './api-tokens.ts';
import { requireSession, sessionEnded, unauthenticated } from './auth-errors.ts';
import type { AuthStore } from './auth-store.ts';
import { type Credential, revocationReason } from './credentials.ts';
import { createLoginThrottle, defaultLoginLimits, type LoginLimits } from './login-throttle.ts';
import { createPasswordHasher, defaultScryptCost, type ScryptCost } from './password-hasher.ts';
import type { PasswordResetMailer } from './password-reset-mail.ts';
import { createPasswordResets, type IssuedPasswordReset, passwordResetLink } from './password-resets.ts';
import { createRevocationMemory } from './revocation-memory.ts';
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
  /**
   * Tells every gateway process (this one included, which then calls `heard`)
   * that credentials were revoked; over the bus in production. Without it,
   * only this process hears.
   */
  readonly announceRevocation?: (signal: RevocationSignal) => void;
  /** JWT `iss` and `aud` (defaults `bishop` and `bishop-api`). */
  readonly issuer?: string;
  readonly audience?: string;
  readonly accessTokenTtlSeconds?: number;
  readonly refreshTokenTtlSeconds?: number;
  readonly passwordResetTtlSeconds?: number;
  /** scrypt cost for new hashes (default OWASP's minimum); tests lower it. */
  readonly passwordCost?: ScryptCost;
  readonly loginLimits?: LoginLimits;
  readonly clock?: () => Date;
  /** With SMTP set up: mails reset links to the account's address (links start at `publicUrl`). */
  readonly mail?: { readonly mailer: PasswordResetMailer; readonly publicUrl: string };
}

/**
 * Everything authentication: accounts (sign-up, log-in, password reset),
 * sessions (JWT access tokens + rotating refresh tokens), API tokens, turning
 * a credential into an Actor, and revocation. Errors are DomainErrors with
 * codes (BISHOP_ERR_PASSWORD_*, EMAIL_TAKEN, WRONG_CREDENTIALS, WRONG_PASSWORD,
 * RATE_LIMITED with details.retryAt, SESSION_REQUIRED, RESET_LINK_INVALID,
 * UNAUTHENTICATED with details.reason: missing | expired | invalid | revoked | reused).
 */
export interface AuthService {
  /** Registers the account (as the `auth` service, with a fresh user id) and opens a session. */
  signUp(input: SignUpInput, meta: ClientMeta): Promise<AuthSession & { readonly position: bigint }>;
  logIn(input: LogInInput): Promise<AuthSession>;
  /** Closes the caller's account once the password is confirmed; every credential of it stops at once. */
  deleteAccount(caller: Credential | null, password: string, meta: ClientMeta): Promise<{ readonly position: bigint }>;
  /** Rotates the refresh token; a reused one ends its whole session family. */
  refresh(refreshToken: string): Promise<AuthSession>;
  logOut(refreshToken: string): Promise<void>;
  verifyAccessToken(token: string): Promise<{ readonly userId: string }>;
  issueApiToken(caller: Credential | null, input: { readonly name: string }): Promise<IssuedApiToken>;
  revokeApiToken(caller: Credential | null, tokenId: string): Promise<{ readonly position: bigint }>;
  verifyApiToken(secret: string): Promise<{ readonly userId: string; readonly tokenId: string }>;
  /** When each token was last used (at one-minute resolution); never-used ids are absent. */
  findApiTokensLastUsed(tokenIds: readonly string[]): Promise<Map<string, Date>>;
  /** Whether reset links can be mailed (SMTP is set up). */
  readonly mailsPasswordResets: boolean;
  /**
   * Mails a one-time reset link to the address when an open account has it; says nothing either way
   * (no one learns which addresses have accounts). Limited per client network; INVALID_STATE without mail.
   */
  mailPasswordReset(email: string, meta: ClientMeta): Promise<void>;
  /** An operator's one-time reset link for the account with this email (NOT_FOUND when none). */
  startPasswordReset(email: string): Promise<IssuedPasswordReset>;
  /**
   * A signed-in person sets a new password, giving the current one (checked, and throttled, like
   * log-in); every other session of the account ends, the caller's goes on.
   */
  changePassword(
    caller: Credential | null,
    input: { readonly currentPassword: string; readonly newPassword: string },
    meta: ClientMeta,
  ): Promise<void>;
  /**
   * A signed-in person moves the account to a new address, giving the password (checked, and
   * throttled, like log-in); the address must be free. Log-in works with the new address only;
   * every other session ends (someone who took over a session must not keep it), API tokens go on.
   */
  changeEmail(
    caller: Credential | null,
    input: { readonly currentPassword: string; readonly newEmail: string },
    meta: ClientMeta,
  ): Promise<{ readonly position: bigint }>;
  /** Uses a reset link: new password, lockout cleared, every session of the account ended. */
  completePasswordReset(token: string, newPassword: string, meta?: RequestMeta): Promise<void>;
  /** An `Authorization` header value → the Actor; `null` when absent; throws UNAUTHENTICATED when present but not valid. */
  authenticate(authorization: string | undefined): Promise<Actor | null>;
  /**
   * The same as the credential it is. `confirmSession` also asks the store
   * whether the session still stands (for sockets, which live long).
   */
  authenticateCredential(
    authorization: string | undefined,
    options?: { readonly confirmSession?: boolean },
  ): Promise<Credential | null>;
  /** A revocation announced by any gateway process: this process refuses those credentials from now on. */
  heard(signal: RevocationSignal): void;
  /** The revocation heard lately that ended this credential, if any. */
  revocationOf(credential: Credential): RevocationSignal | undefined;
}

const BEARER = /^Bearer +(\S+) *$/i;

export function createAuthService(options: AuthServiceOptions): AuthService {
  const clock = options.clock ?? (() => new Date());
  const { commandBus, store, eventStore } = options;
  const accessTokenTtlSeconds = options.accessTokenTtlSeconds ?? 15 * 60;
  // Heard revocations are kept past the life of any access token they name (API tokens: until read models catch up).
  const memory = createRevocationMemory(Math.max(accessTokenTtlSeconds, 600) * 1000 + 60_000, clock);
  // Remembered here at once (a request right after log-out must fail on this process too), then told to all.
  const announce = (signal: RevocationSignal) => {
    memory.remember(signal);
    options.announceRevocation?.(signal);
  };
  const accessTokens = createAccessTokens({
    signingKey: options.signingKey,
    issuer: options.issuer ?? 'bishop',
    audience: options.audience ?? 'bishop-api',
    ttlSeconds: accessTokenTtlSeconds,
    clock,
  });
  const sessions = createSessions({
    store,
    accessTokens,
    refreshTokenTtlSeconds: options.refreshTokenTtlSeconds ?? 30 * 24 * 3600,
    clock,
    announce,
  });
  const throttle = createLoginThrottle(store, options.loginLimits ?? defaultLoginLimits);
  const accounts = createAccounts({
    eventStore,
    commandBus,
    store,
    hasher: createPasswordHasher(options.passwordCost ?? defaultScryptCost),
    sessions,
    throttle,
    clock,
  });
  const apiTokens = createApiTokens({
    commandBus,
    store,
    findApiTokenByHash: options.findApiTokenByHash,
    clock,
    announce,
  });
  const resets = createPasswordResets({
    eventStore,
    store,
    clock,
    ...(options.passwordResetTtlSeconds ? { ttlSeconds: options.passwordResetTtlSeconds } : {}),
  });

  async function credentialOf(token: string): Promise<Credential> {
    if (token.startsWith(secretPrefixes.apiToken)) return { kind: 'apiToken', ...(await apiTokens.verify(token)) };
    return { kind: 'session', ...(await accessTokens.verify(token)) };
  }

  return {
    signUp: (input, meta) => accounts.signUp(input, meta),
    logIn: (input) => accounts.logIn(input),

    async deleteAccount(caller, password, meta) {
      const userId = requireSession(caller, 'close the account');
      await accounts.confirmPassword(userId, password, meta.clientIp);
      const deleted = await commandBus.user(userId, {
        type: 'DeleteAccount',
        data: {},
        metadata: {
          commandId: randomUUID(),
          actor: userActor(userId),
          now: clock().toISOString(),
          ...(meta.correlationId ? { correlationId: meta.correlationId } : {}),
        },
      });
      await sessions.endAll(userId, 'accountClosed');
      announce({ kind: 'account', userId });
      return { position: deleted.position };
    },

    async refresh(refreshToken) {
      const session = await sessions.refresh(refreshToken);
      // Sessions outlive nothing: a deleted account's refresh token ends here, with its whole family.
      if (!(await isAccountOpen(eventStore, session.userId))) {
        await sessions.end(session.refreshToken);
        throw sessionEnded();
      }
      return session;
    },
    logOut: (refreshToken) => sessions.end(refreshToken),
    verifyAccessToken: async (token) => ({ userId: (await accessTokens.verify(token)).userId }),
    issueApiToken: (caller, input) => apiTokens.issue(caller, input),
    revokeApiToken: (caller, tokenId) => apiTokens.revoke(caller, tokenId),
    verifyApiToken: (secret) => apiTokens.verify(secret),
    findApiTokensLastUsed: (tokenIds) => store.findApiTokensLastUsed(tokenIds),

    startPasswordReset: (email) => resets.issue(email),
    mailsPasswordResets: options.mail !== undefined,

    async mailPasswordReset(email, meta) {
      const mail = options.mail;
      if (!mail) {
        throw new DomainError(
          'BISHOP_ERR_INVALID_STATE',
          'This Bishop sends no mail: ask whoever runs it for a reset link (bishop users reset-password <email>)',
        );
      }
      await throttle.countResetRequest(meta.clientIp, clock());
      const issued = await resets.issue(email).catch((error: unknown) => {
        if (error instanceof DomainError && error.code === 'BISHOP_ERR_NOT_FOUND') return null;
        throw error;
      });
      if (issued === null) return;
      await mail.mailer.send({
        to: normalizeEmail(email),
        link: passwordResetLink(mail.publicUrl, issued.token),
        expiresAt: issued.expiresAt,
      });
    },

    async changePassword(caller, { currentPassword, newPassword }, meta) {
      const userId = requireSession(caller, 'change the password');
      // The new password's rules first: a refused one costs no guess of the current password.
      await accounts.checkNewPassword(userId, newPassword);
      await accounts.confirmPassword(userId, currentPassword, meta.clientIp);
      await accounts.setPassword(userId, newPassword, meta);
      const keep = caller?.kind === 'session' ? (caller.sessionId ?? undefined) : undefined;
      await sessions.endAll(userId, 'passwordChanged', keep);
    },

    async changeEmail(caller, { currentPassword, newEmail }, meta) {
      const userId = requireSession(caller, 'change the email');
      // A malformed address costs no guess of the password.
      const email = validEmail(newEmail);
      await accounts.confirmPassword(userId, currentPassword, meta.clientIp);
      const changed = await commandBus.changeEmail(userId, {
        type: 'ChangeEmail',
        data: { email },
        metadata: {
          commandId: randomUUID(),
          actor: userActor(userId),
          now: clock().toISOString(),
          ...(meta.correlationId ? { correlationId: meta.correlationId } : {}),
        },
      });
      const keep = caller?.kind === 'session' ? (caller.sessionId ?? undefined) : undefined;
      if (changed.events.length > 0) await sessions.endAll(userId, 'emailChanged', keep);
      return { position: changed.position };
    },

    async completePasswordReset(token, newPassword, meta) {
      // The new password is checked before the link is used up, so a refused one does not spend it.
      const holder = await resets.holderOf(token);
      await accounts.checkNewPassword(holder, newPassword);
      const userId = await resets.consume(token);
      const email = await accounts.setPassword(userId, newPassword, meta);
      await throttle.recordSuccess(email);
      await sessions.endAll(userId, 'passwordReset');
    },

    async authenticate(authorization) {
      const credential = await this.authenticateCredential(authorization);
      return credential === null ? null : userActor(credential.userId);
    },

    async authenticateCredential(authorization, { confirmSession = false } = {}) {
      if (authorization === undefined || authorization.trim() === '') return null;
      const token = BEARER.exec(authorization)?.[1];
      if (token === undefined) {
        throw unauthenticated('The Authorization header must be "Bearer <token>"', 'invalid');
      }
      const credential = await credentialOf(token);
      const revoked = memory.revocationOf(credential);
      if (revoked) throw unauthenticated(revocationReason(revoked), 'revoked');
      if (confirmSession && credential.kind === 'session' && credential.sessionId !== null) {
        if (!(await store.isRefreshFamilyActive(credential.sessionId, clock()))) throw sessionEnded();
      }
      return credential;
    },

    heard: (signal) => memory.remember(signal),
    revocationOf: (credential) => memory.revocationOf(credential),
  };
}
