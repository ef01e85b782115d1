import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { type CommandBus, createCommandBus, handleCommand } from '@bishop/commands';
import { avatarStream, chatStream, type DomainErrorCode, eventCatalogue, isDomainEventType } from '@bishop/domain';
import type { EventStore } from '@bishop/domain/ports';
import {
  createPersonalDataEventStore,
  createPgSqlClient,
  createPostgresEventStore,
  createSqlKeyStore,
  isEncryptedField,
  type SqlClient,
} from '@bishop/infra';
import { testMasterKey } from '../contract/key-store.contract.ts';
import { asSystem, asUser } from '../src/command-fixtures.ts';
import { testDatabaseUrl, uniqueSchema } from '../src/test-env.ts';

/** Rejects with a DomainError of this code. */
async function rejectsWith(promise: Promise<unknown>, code: DomainErrorCode): Promise<void> {
  await assert.rejects(promise, (error: { code?: string; message?: string }) => {
    assert.equal(error.code, code, `expected ${code}, got ${error.code}: ${error.message}`);
    return true;
  });
}

describe('command handling (load → fold → decide → append) on PostgreSQL', () => {
  const schema = uniqueSchema('cmd');
  let sql: SqlClient;
  let raw: EventStore;
  let store: EventStore;
  let bus: CommandBus;

  async function open() {
    sql = createPgSqlClient({ connectionString: testDatabaseUrl });
    raw = await createPostgresEventStore(sql, { schema });
    const keys = await createSqlKeyStore(sql, { schema, masterKey: testMasterKey });
    store = createPersonalDataEventStore(raw, keys, (type) =>
      isDomainEventType(type) ? eventCatalogue[type].personalFields : [],
    );
    bus = createCommandBus({ eventStore: store });
  }
  before(open);
  async function close() {
    await store.close();
    await sql.close();
  }
  after(async () => {
    await sql.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await close();
  });

  async function createAvatar(owner: string, name = 'Лев Толстой') {
    const avatarId = randomUUID();
    const result = await bus.avatar(avatarId, {
      type: 'CreateAvatar',
      data: { avatarId, name },
      metadata: asUser(owner),
    });
    return { avatarId, result };
  }

  describe('appending', () => {
    it('appends the decided events with the full envelope and returns revision and position', async () => {
      const owner = randomUUID();
      const commandId = randomUUID();
      const avatarId = randomUUID();
      const result = await bus.avatar(avatarId, {
        type: 'CreateAvatar',
        data: { avatarId, name: 'Ada Lovelace' },
        metadata: asUser(owner, { commandId, correlationId: 'corr-1' }),
      });
      assert.equal(result.duplicate, false);
      assert.equal(result.nextRevision, 0n);
      assert.ok(result.position > 0n);
      const [stored] = await store.readStream(avatarStream(avatarId));
      assert.equal(stored?.type, 'AvatarCreated');
      assert.deepEqual(stored?.data, { avatarId, ownerId: owner, name: 'Ada Lovelace' });
      assert.equal(stored?.position, result.position);
      assert.equal(stored?.metadata.commandId, commandId);
      assert.equal(stored?.metadata.correlationId, 'corr-1');
      assert.equal(stored?.metadata.causationId, commandId);
      assert.equal(stored?.metadata.actorId, `user:${owner}`);
      assert.equal(stored?.metadata.schemaVersion, 1);
      assert.equal(stored?.metadata.occurredAt, '2026-11-24T12:00:00.000Z');
      assert.equal(stored?.metadata.dataSubject, avatarStream(avatarId));
      assert.match(
        stored?.metadata.eventId ?? '',
        /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    });

    it('encrypts personal fields at rest under the avatar key', async () => {
      const { avatarId } = await createAvatar(randomUUID(), 'Марина Цветаева');
      const [rawEvent] = await raw.readStream(avatarStream(avatarId));
      assert.ok(isEncryptedField(rawEvent?.data.name));
      assert.equal(JSON.stringify(rawEvent?.data).includes('Цветаева'), false);
    });

    it('returns the current position and appends nothing when the decision is empty', async () => {
      const owner = randomUUID();
      const { avatarId, result } = await createAvatar(owner);
      // Renaming to the same name changes nothing.
      const again = await bus.avatar(avatarId, {
        type: 'RenameAvatar',
        data: { name: 'Лев Толстой' },
        metadata: asUser(owner),
      });
      assert.deepEqual(again.events, []);
      assert.equal(again.nextRevision, result.nextRevision);
      assert.equal(again.position, result.position);
    });
  });

  describe('idempotency by commandId', () => {
    it('answers a repeated command with the first result and appends nothing', async () => {
      const owner = randomUUID();
      const { avatarId } = await createAvatar(owner);
      const metadata = asUser(owner);
      const first = await bus.avatar(avatarId, { type: 'RenameAvatar', data: { name: 'Первое' }, metadata });
      const second = await bus.avatar(avatarId, { type: 'RenameAvatar', data: { name: 'Первое' }, metadata });
      assert.equal(second.duplicate, true);
      assert.equal(second.position, first.position);
      assert.equal(second.nextRevision, first.nextRevision);
      assert.deepEqual(second.events, first.events);
      assert.equal((await store.readStream(avatarStream(avatarId))).length, 2);
    });

    it('still recognises the command after a restart of the process', async () => {
      const owner = randomUUID();
      const { avatarId } = await createAvatar(owner);
      const metadata = asUser(owner);
      const first = await bus.avatar(avatarId, { type: 'RenameAvatar', data: { name: 'До рестарта' }, metadata });
      await close();
      await open();
      const again = await bus.avatar(avatarId, { type: 'RenameAvatar', data: { name: 'До рестарта' }, metadata });
      assert.equal(again.duplicate, true);
      assert.equal(again.position, first.position);
    });
  });

  describe('concurrency', () => {
    it('retries on revision conflicts so concurrent commands on one stream all land once', async () => {
      const owner = randomUUID();
      const { avatarId } = await createAvatar(owner);
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          bus.avatar(avatarId, { type: 'RenameAvatar', data: { name: `Имя ${i}` }, metadata: asUser(owner) }),
        ),
      );
      assert.equal(new Set(results.map((r) => r.nextRevision)).size, 8, 'each landed at its own revision');
      assert.equal((await store.readStream(avatarStream(avatarId))).length, 9);
    });
  });

  describe('authorization', () => {
    it("answers a user acting on another user's avatar as if it did not exist, and writes nothing", async () => {
      const { avatarId } = await createAvatar(randomUUID());
      await rejectsWith(
        bus.avatar(avatarId, { type: 'RenameAvatar', data: { name: 'Hijack' }, metadata: asUser(randomUUID()) }),
        'BISHOP_ERR_NOT_FOUND',
      );
      assert.equal((await store.readStream(avatarStream(avatarId))).length, 1);
    });

    it('refuses a user sending a system-only command', async () => {
      const owner = randomUUID();
      const { avatarId } = await createAvatar(owner);
      await rejectsWith(
        bus.avatar(avatarId, {
          type: 'StartMaterialExtraction',
          data: { materialId: randomUUID() },
          metadata: asUser(owner),
        }),
        'BISHOP_ERR_FORBIDDEN',
      );
    });

    it('refuses a service sending a user-only command', async () => {
      const { avatarId } = await createAvatar(randomUUID());
      await rejectsWith(
        bus.avatar(avatarId, { type: 'RenameAvatar', data: { name: 'Renamed by a service' }, metadata: asSystem() }),
        'BISHOP_ERR_FORBIDDEN',
      );
    });

    it("refuses to open a chat on another user's avatar", async () => {
      const { avatarId } = await createAvatar(randomUUID());
      const chatId = randomUUID();
      await rejectsWith(
        bus.chat(chatId, {
          type: 'OpenChat',
          data: { chatId, avatarId, title: 'Mine now' },
          metadata: asUser(randomUUID()),
        }),
        'BISHOP_ERR_NOT_FOUND',
      );
      assert.deepEqual(await store.readStream(chatStream(chatId)), []);
    });
  });

  describe('bad input', () => {
    it('rejects malformed ids before touching any stream', async () => {
      await rejectsWith(
        bus.avatar('../../etc/passwd', { type: 'DeleteAvatar', data: {}, metadata: asUser(randomUUID()) }),
        'BISHOP_ERR_INVALID_ID',
      );
    });

    it('rejects an unknown avatar', async () => {
      await rejectsWith(
        bus.avatar(randomUUID(), { type: 'RenameAvatar', data: { name: 'Ghost' }, metadata: asUser(randomUUID()) }),
        'BISHOP_ERR_NOT_FOUND',
      );
    });

    it('rejects oversized names, control characters and invalid UTF-8, writing nothing', async () => {
      const owner = randomUUID();
      const { avatarId } = await createAvatar(owner);
      const attempt = (name: string) =>
        bus.avatar(avatarId, { type: 'RenameAvatar', data: { name }, metadata: asUser(owner) });
      await rejectsWith(attempt('x'.repeat(101)), 'BISHOP_ERR_TEXT_TOO_LONG');
      await rejectsWith(attempt('bell\u0007'), 'BISHOP_ERR_TEXT_CONTROL_CHARACTERS');
      await rejectsWith(attempt('broken \ud800 surrogate'), 'BISHOP_ERR_TEXT_INVALID_UTF8');
      assert.equal((await store.readStream(avatarStream(avatarId))).length, 1);
    });

    it('refuses an event a decider let through with a NUL or a lone surrogate, appending nothing', async () => {
      // A decider that forgot its field rules: the last check before the append still holds.
      const careless = (data: Record<string, unknown>) =>
        handleCommand({
          eventStore: store,
          stream: `careless-${randomUUID()}`,
          decider: {
            initialState: () => null,
            evolve: (state) => state,
            decide: () => [{ type: 'AvatarRenamed', data } as never],
          },
          prepare: () => ({ type: 'RenameAvatar', data: {}, metadata: asUser(randomUUID()) }) as never,
          commandId: randomUUID(),
          dataSubject: undefined,
        });
      await rejectsWith(careless({ name: 'a\u0000' }), 'BISHOP_ERR_TEXT_CONTROL_CHARACTERS');
      await rejectsWith(careless({ settings: { 'k\u0000': 1 } }), 'BISHOP_ERR_TEXT_CONTROL_CHARACTERS');
      await rejectsWith(careless({ name: 'broken \udc00' }), 'BISHOP_ERR_TEXT_INVALID_UTF8');
      assert.equal((await raw.readAll({ filter: { streamPrefixes: ['careless-'] } })).length, 0);
    });
  });

  describe('sign-up', () => {
    const register = (userId: string, email: string, commandId = randomUUID()) =>
      bus.registerUser({
        type: 'RegisterUser',
        data: { userId, email, fullName: 'Анна Ахматова', passwordHash: 'scrypt$hash' },
        metadata: asSystem('auth', { commandId }),
      });

    it('registers a user and keeps emails unique, case-insensitively', async () => {
      const email = `anna-${randomUUID()}@example.org`;
      const result = await register(randomUUID(), email);
      assert.equal(result.events[0]?.type, 'UserRegistered');
      await rejectsWith(register(randomUUID(), email.toUpperCase()), 'BISHOP_ERR_EMAIL_TAKEN');
    });

    it('is idempotent for a retried sign-up', async () => {
      const userId = randomUUID();
      const commandId = randomUUID();
      const email = `retry-${randomUUID()}@example.org`;
      const first = await register(userId, email, commandId);
      const second = await register(userId, email, commandId);
      assert.equal(second.duplicate, true);
      assert.equal(second.position, first.position);
    });

    it('rejects an invalid email without reserving anything', async () => {
      const userId = randomUUID();
      await rejectsWith(register(userId, 'not-an-email'), 'BISHOP_ERR_INVALID_EMAIL');
      assert.deepEqual(await store.readAll({ filter: { streamPrefixes: [`user-${userId}`] } }), []);
    });
  });

  describe('chats', () => {
    it('opens a chat, keeps its personal data under the avatar key, and refuses messages once the avatar is deleted', async () => {
      const owner = randomUUID();
      const { avatarId } = await createAvatar(owner);
      const chatId = randomUUID();
      await bus.chat(chatId, {
        type: 'OpenChat',
        data: { chatId, avatarId, title: 'Первый разговор' },
        metadata: asUser(owner),
      });
      const sent = await bus.chat(chatId, {
        type: 'SendMessage',
        data: { messageId: randomUUID(), text: 'Здравствуйте!' },
        metadata: asUser(owner),
      });
      assert.equal(sent.events[0]?.type, 'MessageSent');
      const [, rawMessage] = await raw.readStream(chatStream(chatId));
      assert.equal(rawMessage?.metadata.dataSubject, avatarStream(avatarId));
      assert.ok(isEncryptedField(rawMessage?.data.text));

      await bus.avatar(avatarId, {
        type: 'DeleteAvatar',
        data: { confirmName: 'Лев Толстой' },
        metadata: asUser(owner),
      });
      await rejectsWith(
        bus.chat(chatId, {
          type: 'SendMessage',
          data: { messageId: randomUUID(), text: 'Alive?' },
          metadata: asUser(owner),
        }),
        'BISHOP_ERR_DELETED',
      );
    });
  });
});
