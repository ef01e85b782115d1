import { randomUUID } from 'node:crypto';
import type { CommandBus } from '@bishop/commands';
import { type CommandMetadata, type RegisterUser, systemActor, userDecider } from '@bishop/domain';
import type { EventStore } from '@bishop/domain/ports';
import { wrongCredentials, wrongPassword } from './auth-errors.ts';
import type { AuthStore } from './auth-store.ts';
import type { LoginThrottle } from './login-throttle.ts';
import type { PasswordHasher } from './password-hasher.ts';
import { isPasswordInput, validPassword } from './password-rules.ts';
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

/** Sign-up and log-in: passwords in, sessions out. */
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

  /** The account's credentials if the password is right; `null` (after as much work) if email or password is wrong. */
  async function checkPassword(email: string, password: string): Promise<UserCredentials | null> {
    const credentials = isPasswordInput(password) ? await findCredentialsByEmail(options.eventStore, email) : null;
    if (credentials === null) {
      await hasher.verify(String(password), await dummyHash);
      return null;
    }
    return (await hasher.verify(password, credentials.passwordHash)) ? credentials : null;
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
    async signUp(input: SignUpInput, meta?: RequestMeta): Promise<AuthSession & { readonly position: bigint }> {
      const userId = randomUUID();
      const register = (passwordHash: string): RegisterUser => ({
        type: 'RegisterUser',
        data: { userId, email: input.email, fullName: input.fullName, passwordHash },
        metadata: systemMetadata(meta),
      });
      // Email and full name are checked (by the domain's own rules) before the deliberately slow hash.
      userDecider.decide(register('unhashed'), userDecider.initialState());
      validPassword(input.password);
      const registered = await commandBus.registerUser(register(await hasher.hash(input.password)));
      return { ...(await sessions.start(userId)), position: registered.position };
    },

    async logIn({ email, password, clientIp }: LogInInput): Promise<AuthSession> {
      const now = clock();
      await throttle.assertAllowed(email, clientIp, now);
      const credentials = await checkPassword(email, password);
      if (credentials === null) {
        await throttle.recordFailure(email, clientIp, now);
        throw wrongCredentials();
      }
      await throttle.recordSuccess(email);
      await upgradeHash(credentials, password);
      await pruneNowAndThen(now);
      return sessions.start(credentials.userId);
    },

    /**
     * Closes the account after checking the password once more (a stolen access token alone
     * must not erase someone's life's work); the shredder then deletes its avatars and keys.
     */
    async deleteAccount(userId: string, password: string, meta?: RequestMeta): Promise<{ readonly position: bigint }> {
      const credentials = isPasswordInput(password) ? await findCredentialsById(options.eventStore, userId) : null;
      const verified = credentials !== null && (await hasher.verify(password, credentials.passwordHash));
      if (!verified) throw wrongPassword();
      return commandBus.user(userId, {
        type: 'DeleteAccount',
        data: {},
        metadata: { ...systemMetadata(meta), actor: { kind: 'user', userId } },
      });
    },
  };
}
