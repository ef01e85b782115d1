import { randomUUID } from 'node:crypto';
import type { CommandBus } from '@bishop/commands';
import { type CommandMetadata, DomainError, type RegisterUser, systemActor, userDecider } from '@bishop/domain';
import type { EventStore } from '@bishop/domain/ports';
import { wrongCredentials, wrongPassword } from './auth-errors.ts';
import type { AuthStore } from './auth-store.ts';
import type { LoginThrottle } from './login-throttle.ts';
import type { PasswordHasher } from './password-hasher.ts';
import { isPasswordInput, validNewPassword } from './password-rules.ts';
import type { AuthSession, Sessions } from './sessions.ts';
import { findCredentialsByEmail, findCredentialsById, type UserCredentials } from './user-credentials.ts';

export interface SignUpInput {
  readonly email: string;
  readonly fullName: string;
  readonly password: string;
}

export interface LogInInput {
  readonly email: string;
  readonly password: string;
  /** The client's address as the gateway sees it (behind a proxy: the forwarded one). */
  readonly clientIp: string;
}

/** Request context that ends up in event metadata. */
export interface RequestMeta {
  readonly correlationId?: string;
}

/** Where a request came from: what per-address throttling counts. */
export interface ClientMeta extends RequestMeta {
  readonly clientIp: string;
}

export interface AccountOptions {
  readonly eventStore: EventStore;
  readonly commandBus: CommandBus;
  readonly store: AuthStore;
  readonly hasher: PasswordHasher;
  readonly sessions: Sessions;
  readonly throttle: LoginThrottle;
  readonly clock: () => Date;
}

const authActor = systemActor('auth');
// Each process deletes expired AuthStore rows now and then, piggybacking on a log-in: no scheduler needed.
const PRUNE_INTERVAL_MS = 3600_000;

/** Sign-up, log-in and the password checks of grave steps: passwords in, sessions out. */
export function createAccounts(options: AccountOptions) {
  const { commandBus, hasher, sessions, throttle, clock } = options;
  // Unknown emails are checked against this hash, so they take as long as known ones.
  const dummyHash = hasher.hash(randomUUID());
  let lastPruneAt = Number.NEGATIVE_INFINITY;

  const systemMetadata = (meta: RequestMeta = {}): CommandMetadata => ({
    commandId: randomUUID(),
    actor: authActor,
    now: clock().toISOString(),
    ...(meta.correlationId ? { correlationId: meta.correlationId } : {}),
  });

  /** Whether the password matches the account (after as much work when there is none). */
  async function passwordMatches(credentials: UserCredentials | null, password: string): Promise<boolean> {
    if (credentials === null || !isPasswordInput(password)) {
      await hasher.verify(String(password), await dummyHash);
      return false;
    }
    return hasher.verify(password, credentials.passwordHash);
  }

  /**
   * Every password check goes through the log-in throttle: one count per
   * account (by email) and per client address, so no mutation is an oracle
   * that guesses around the lockout.
   */
  async function throttledCheck(
    email: string,
    credentials: UserCredentials | null,
    password: string,
    clientIp: string,
  ): Promise<boolean> {
    const now = clock();
    await throttle.assertAllowed(email, clientIp, now);
    if (await passwordMatches(credentials, password)) {
      await throttle.recordSuccess(email);
      return true;
    }
    await throttle.recordFailure(email, clientIp, now);
    return false;
  }

  /** Passwords hashed at a lower cost than today's are re-hashed while we hold the plain password. */
  async function upgradeHash({ userId, passwordHash }: UserCredentials, password: string): Promise<void> {
    if (!hasher.needsRehash(passwordHash)) return;
    await commandBus.user(userId, {
      type: 'ChangePassword',
      data: { passwordHash: await hasher.hash(password) },
      metadata: systemMetadata(),
    });
  }

  async function pruneNowAndThen(now: Date): Promise<void> {
    if (now.getTime() - lastPruneAt < PRUNE_INTERVAL_MS) return;
    lastPruneAt = now.getTime();
    await options.store.pruneExpired(now);
  }

  return {
    async signUp(input: SignUpInput, meta: ClientMeta): Promise<AuthSession & { readonly position: bigint }> {
      // Every attempt counts, taken or not: sign-up is no free oracle of which emails have accounts.
      await throttle.countSignUp(meta.clientIp, clock());
      const userId = randomUUID();
      const register = (passwordHash: string): RegisterUser => ({
        type: 'RegisterUser',
        data: { userId, email: input.email, fullName: input.fullName, passwordHash },
        metadata: systemMetadata(meta),
      });
      // Email and full name are checked (by the domain's own rules) before the deliberately slow hash.
      userDecider.decide(register('unhashed'), userDecider.initialState());
      validNewPassword(input.password, { email: input.email, fullName: input.fullName });
      const registered = await commandBus.registerUser(register(await hasher.hash(input.password)));
      return { ...(await sessions.start(userId)), position: registered.position };
    },

    async logIn({ email, password, clientIp }: LogInInput): Promise<AuthSession> {
      const credentials = isPasswordInput(password) ? await findCredentialsByEmail(options.eventStore, email) : null;
      if (!(await throttledCheck(email, credentials, password, clientIp)) || credentials === null) {
        throw wrongCredentials();
      }
      await upgradeHash(credentials, password);
      await pruneNowAndThen(clock());
      return sessions.start(credentials.userId);
    },

    /**
     * Checks a signed-in person's password once more before a grave step (a
     * stolen access token alone must not erase someone's life's work),
     * throttled exactly like log-in. Throws WRONG_PASSWORD or RATE_LIMITED.
     */
    async confirmPassword(userId: string, password: string, clientIp: string): Promise<void> {
      const credentials = await findCredentialsById(options.eventStore, userId);
      // No open account (deleted a moment ago): counted under its id, so nothing can be learnt.
      const email = credentials?.email ?? `deleted:${userId}`;
      if (!(await throttledCheck(email, credentials, password, clientIp))) throw wrongPassword();
    },

    /** Throws the rule a new password for this account breaks, if any. */
    async checkNewPassword(userId: string, password: string): Promise<UserCredentials> {
      const credentials = await findCredentialsById(options.eventStore, userId);
      if (credentials === null) throw new DomainError('BISHOP_ERR_DELETED', 'This account was deleted');
      validNewPassword(password, { email: credentials.email, fullName: credentials.fullName });
      return credentials;
    },

    /** Sets a new password chosen under the rules (password reset); returns the account's email. */
    async setPassword(userId: string, password: string, meta: RequestMeta = {}): Promise<string> {
      const credentials = await this.checkNewPassword(userId, password);
      await commandBus.user(userId, {
        type: 'ChangePassword',
        data: { passwordHash: await hasher.hash(password) },
        metadata: systemMetadata(meta),
      });
      return credentials.email;
    },
  };
}

export type Accounts = ReturnType<typeof createAccounts>;
