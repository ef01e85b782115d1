import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { type CommandBus, createCommandBus } from '@bishop/commands';
import { type DomainErrorCode, eventCatalogue, isDomainEventType, parseStreamName } from '@bishop/domain';
import type { EventStore } from '@bishop/domain/ports';
import {
  type AuthService,
  type AuthServiceOptions,
  type AuthStore,
  type Credential,
  createAuthService,
  defaultLoginLimits,
  type FindApiTokenByHash,
  type ScryptCost,
} from '@bishop/gateways/auth';
import {
  createPersonalDataEventStore,
  createPgSqlClient,
  createPostgresEventStore,
  createSqlKeyStore,
  type SqlClient,
} from '@bishop/infra';
import { createSqlAuthStore } from '@bishop/infra/auth-store';
import { testMasterKey } from '../contract/key-store.contract.ts';
import { testDatabaseUrl, uniqueSchema } from '../src/test-env.ts';

/** Cheap enough for tests (1 MiB, ~2 ms); production uses the default cost. */
export const testPasswordCost: ScryptCost = { N: 2 ** 10, r: 8, p: 1 };

/** Where the tests' sign-ups come from (the harness lifts the per-address sign-up limit, except where a test sets limits). */
export const testClient = { clientIp: '192.0.2.200' } as const;

/** The credential a resolver would see for this session (sessions may manage API tokens; API tokens may not). */
export function sessionCredential(session: {
  userId: string;
  sessionId: string;
  accessTokenExpiresAt: Date;
}): Credential {
  return {
    kind: 'session',
    userId: session.userId,
    sessionId: session.sessionId,
    expiresAt: session.accessTokenExpiresAt,
  };
}

/** A clock the test moves by hand. */
export function testClock(start = new Date()) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}

export interface AuthHarness {
  readonly sql: SqlClient;
  readonly schema: string;
  readonly eventStore: EventStore;
  readonly commandBus: CommandBus;
  readonly store: AuthStore;
  readonly signingKey: Uint8Array;
  /** A gateway process: its own AuthService on the shared stores. */
  createService(overrides?: Partial<AuthServiceOptions>): AuthService;
  close(): Promise<void>;
}

/**
 * Real PostgreSQL: event store with personal-data encryption (as in
 * production, so log-in reads encrypted password hashes), command bus, and
 * the SQL AuthStore, all in a fresh schema.
 */
export async function openAuthHarness(label: string): Promise<AuthHarness> {
  const schema = uniqueSchema(label);
  const sql = createPgSqlClient({ connectionString: testDatabaseUrl });
  const raw = await createPostgresEventStore(sql, { schema });
  const keys = await createSqlKeyStore(sql, { schema, masterKey: testMasterKey });
  const eventStore = createPersonalDataEventStore(raw, keys, (type) =>
    isDomainEventType(type) ? eventCatalogue[type].personalFields : [],
  );
  const commandBus = createCommandBus({ eventStore });
  const store = await createSqlAuthStore(sql, { schema });
  const signingKey = randomBytes(32);
  return {
    sql,
    schema,
    eventStore,
    commandBus,
    store,
    signingKey,
    createService: (overrides = {}) =>
      createAuthService({
        eventStore,
        commandBus,
        store,
        signingKey,
        passwordCost: testPasswordCost,
        loginLimits: { ...defaultLoginLimits, signUpsPerClient: { maxFailures: 10_000, windowMs: 3600_000 } },
        findApiTokenByHash: findApiTokenByHashInEvents(eventStore),
        ...overrides,
      }),
    async close() {
      await sql.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await eventStore.close();
      await sql.close();
    },
  };
}

/**
 * Stands in for the read model's lookup (being built elsewhere): the same
 * fold a projection would do, over ApiTokenIssued/ApiTokenRevoked in `$all`.
 * Fine for a test database with a handful of tokens.
 */
function findApiTokenByHashInEvents(eventStore: EventStore): FindApiTokenByHash {
  const find = async (tokenHash: string) => {
    const events = await eventStore.readAll({ filter: { eventTypes: ['ApiTokenIssued', 'ApiTokenRevoked'] } });
    const issued = events.find((event) => event.type === 'ApiTokenIssued' && event.data.tokenHash === tokenHash);
    if (issued === undefined) return null;
    const { tokenId } = issued.data;
    const revoked = events.some(
      (event) =>
        event.type === 'ApiTokenRevoked' && event.streamName === issued.streamName && event.data.tokenId === tokenId,
    );
    const userId = parseStreamName(issued.streamName)?.id ?? '';
    return { tokenId: String(tokenId), userId, revoked };
  };
  // `$all` shows a fresh event only once no older transaction on the server is in flight (gap-free
  // reading); on a busy shared server that takes a moment, as a read model's catching up does.
  return async (tokenHash) => {
    for (let attempt = 0; ; attempt++) {
      const found = await find(tokenHash);
      if (found !== null || attempt >= 20) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
}

/** Rejects with a DomainError of this code and, when given, exactly this message. */
export async function rejectsWith(promise: Promise<unknown>, code: DomainErrorCode, message?: string): Promise<void> {
  await assert.rejects(promise, (error: { code?: string; message?: string }) => {
    assert.equal(error.code, code, `expected ${code}, got ${error.code}: ${error.message}`);
    if (message !== undefined) assert.equal(error.message, message);
    return true;
  });
}
