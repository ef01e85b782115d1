import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { type CommandBus, createCommandBus } from '@bishop/commands';
import { avatarStream } from '@bishop/domain';
import type { EventStore, KeyStore } from '@bishop/domain/ports';
import {
  createColumnSealer,
  createPgliteSqlClient,
  createPgSqlClient,
  createReadStore,
  type ReadStore,
  type SqlClient,
} from '@bishop/infra';
import {
  type ColumnSealer,
  createProjector,
  findAvatarById,
  listMessages,
  migrateReadModels,
  type Projector,
  readModelChecksums,
  rebuildReadModels,
} from '@bishop/projections';
import { sql } from 'kysely';
import {
  chattyAvatar,
  deletedAvatarHistory,
  type History,
  liveAvatarHistory,
  registerPerson,
} from '../contract/projections.history.ts';
import { decryptingEventStore } from '../contract/projections.stores.ts';
import { asUser } from '../src/command-fixtures.ts';
import { testDatabaseUrl, uniqueSchema } from '../src/test-env.ts';

interface Stores {
  readonly eventStore: EventStore;
  readonly keyStore: KeyStore;
  readonly readStore: ReadStore;
  close(): Promise<void>;
}

/** Stores as production wires them: the read store seals personal columns with the event store's keys. */
async function storesOn(
  client: SqlClient,
  eventSchema: string,
  openReadStore: (sealer: ColumnSealer) => Promise<ReadStore>,
): Promise<Stores> {
  const { eventStore, keyStore } = await decryptingEventStore(client, eventSchema);
  const readStore = await openReadStore(createColumnSealer(keyStore));
  return {
    eventStore,
    keyStore,
    readStore,
    async close() {
      await eventStore.close();
      await readStore.close();
    },
  };
}

async function countEvents(eventStore: EventStore): Promise<number> {
  let count = 0;
  for (let position = 0n; ; ) {
    const page = await eventStore.readAll({ fromPosition: position, maxCount: 1000 });
    if (page.length === 0) return count;
    count += page.length;
    position = page.at(-1)?.position ?? position;
  }
}

function rebuildSuite(name: string, open: (liveSchema: string) => Promise<Stores & { drop(): Promise<void> }>) {
  describe(`rebuilding the read models: ${name}`, () => {
    const live = uniqueSchema('read');
    let stores: Stores & { drop(): Promise<void> };
    let bus: CommandBus;
    const history: History = { position: 0n };
    const projectors: Projector[] = [];
    let deletedAvatarId = '';
    let chat = { ownerId: '', avatarId: '', chatId: '' };

    const project = async (schema: string) => {
      const projector = createProjector({ eventStore: stores.eventStore, db: stores.readStore.db, schema });
      projectors.push(projector);
      await projector.start();
      return projector;
    };

    before(async () => {
      stores = await open(live);
      bus = createCommandBus({ eventStore: stores.eventStore });
      const anna = await registerPerson(bus, history);
      await liveAvatarHistory(bus, history, anna.userId);
      deletedAvatarId = (await deletedAvatarHistory(bus, history, anna.userId)).avatarId;
      const boris = await registerPerson(bus, history, 'Борис');
      const chatty = await chattyAvatar(bus, history, boris.userId, 20);
      chat = { ownerId: boris.userId, ...chatty };
    });
    after(async () => {
      for (const projector of projectors) await projector.stop();
      await stores.drop();
      await stores.close();
    });

    it('reproduces the live read models exactly, also after the deleted avatar’s key is destroyed', async () => {
      const { db } = stores.readStore;
      await migrateReadModels(db, live);
      const projector = await project(live);
      await projector.waitFor(history.position, 30_000);
      await projector.stop();
      const projected = await readModelChecksums(db, live);
      // Crypto-shredding after the fact: the replay reads erased fields, deletion had erased them already.
      await stores.keyStore.destroyDataKey(avatarStream(deletedAvatarId));

      const result = await rebuildReadModels({ eventStore: stores.eventStore, db, schema: live, batchSize: 100 });
      assert.equal(result.position, history.position);
      assert.equal(result.events, await countEvents(stores.eventStore), 'every event of `$all` replayed');
      assert.ok(result.seconds > 0);
      assert.deepEqual(await readModelChecksums(db, live), projected);
      const { rows } = await sql<{ nspname: string }>`
        SELECT nspname FROM pg_namespace WHERE nspname LIKE ${`${live}_%`}`.execute(db);
      assert.deepEqual(rows, [], 'neither the retired nor a half-built schema is left behind');
    });

    it('reproduces them as well when its memory of rows fills and is emptied every few batches', async () => {
      const { db } = stores.readStore;
      const before = await readModelChecksums(db, live);
      // A few rows held at most: from the second batch on, rows come from the database, as after 100,000 rows.
      const options = { eventStore: stores.eventStore, db, schema: live, batchSize: 10, replayMemoryRows: 5 };
      const result = await rebuildReadModels(options);
      assert.equal(result.position, history.position);
      assert.deepEqual(await readModelChecksums(db, live), before);
    });

    it('keeps answering queries while it runs, and loses or doubles nothing written meanwhile', async () => {
      const { db, schema } = { db: stores.readStore.db, schema: live };
      const models = db.withSchema(schema);
      const projector = await project(live);
      await projector.waitFor(history.position, 30_000);
      const sent: Promise<unknown>[] = [];
      let answered = 0;
      let rebuilding = true;
      const rebuild = rebuildReadModels({
        eventStore: stores.eventStore,
        db,
        schema,
        batchSize: 25,
        // Writes land while the replay runs: before, during and after its last page.
        onProgress: () => {
          if (sent.length < 6) sent.push(sendMessage());
        },
      }).finally(() => {
        rebuilding = false;
      });
      while (rebuilding) {
        const avatar = await findAvatarById(models, chat.ownerId, chat.avatarId);
        const page = await listMessages(models, chat.ownerId, chat.chatId, { first: 5 });
        assert.equal(avatar?.avatar_id, chat.avatarId);
        assert.equal(page.items.length, 5);
        answered++;
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      await rebuild;
      await Promise.all(sent);
      assert.ok(answered > 0, 'queries ran during the rebuild');
      await projector.waitFor(history.position, 30_000);

      const fresh = uniqueSchema('read');
      await migrateReadModels(db, fresh);
      const reference = await project(fresh);
      await reference.waitFor(history.position, 30_000);
      try {
        assert.deepEqual(await readModelChecksums(db, live), await readModelChecksums(db, fresh));
        const counted = await models
          .selectFrom('chats')
          .select('message_count')
          .where('chat_id', '=', chat.chatId)
          .executeTakeFirstOrThrow();
        assert.equal(counted.message_count, 20 + sent.length);
      } finally {
        await reference.stop();
        await sql`DROP SCHEMA ${sql.id(fresh)} CASCADE`.execute(db);
      }
    });

    async function sendMessage(): Promise<void> {
      const result = await bus.chat(chat.chatId, {
        type: 'SendMessage',
        data: { messageId: randomUUID(), text: 'Пока идёт перестройка' },
        metadata: asUser(chat.ownerId),
      });
      if (result.position > history.position) history.position = result.position;
    }
  });
}

rebuildSuite('PostgreSQL server', async (liveSchema) => {
  const client = createPgSqlClient({ connectionString: testDatabaseUrl });
  const eventSchema = uniqueSchema('es');
  const stores = await storesOn(client, eventSchema, (sealer) =>
    createReadStore({ kind: 'postgres', connectionString: testDatabaseUrl, schema: liveSchema, sealer }),
  );
  return {
    ...stores,
    async drop() {
      for (const schema of [eventSchema, liveSchema]) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    },
    async close() {
      await stores.close();
      await client.close();
    },
  };
});

rebuildSuite('PGlite (embedded)', async (liveSchema) => {
  const client = await createPgliteSqlClient();
  const stores = await storesOn(client, 'bishop', (sealer) =>
    createReadStore({ kind: 'pglite', pglite: client.pglite, schema: liveSchema, sealer }),
  );
  return {
    ...stores,
    async drop() {},
    async close() {
      await stores.close();
      await client.close();
    },
  };
});
