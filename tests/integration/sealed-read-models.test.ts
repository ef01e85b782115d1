import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createCommandBus } from '@bishop/commands';
import { avatarStream } from '@bishop/domain';
import {
  createColumnSealer,
  createPgliteSqlClient,
  createPgSqlClient,
  createReadStore,
  type ReadStore,
  type SqlClient,
} from '@bishop/infra';
import { createProjector, findAvatarById, listMessages, readModelChecksums } from '@bishop/projections';
import { sql } from 'kysely';
import { chattyAvatar, type History, liveAvatarHistory, registerPerson } from '../contract/projections.history.ts';
import { decryptingEventStore } from '../contract/projections.stores.ts';
import { testDatabaseUrl, uniqueSchema } from '../src/test-env.ts';

type OpenReadStore = (options: {
  schema: string;
  sealer?: ReturnType<typeof createColumnSealer>;
}) => Promise<ReadStore>;

/**
 * Personal read-model columns at rest: sealed with the subject's key; an install
 * whose read models an earlier version wrote in plaintext is sealed in place on
 * the next start, losing nothing; shredding the key leaves its values unreadable.
 */
function sealedReadModelsSuite(
  name: string,
  openClient: () => Promise<SqlClient>,
  openReadStore: (client: SqlClient) => OpenReadStore,
) {
  describe(`sealed read models: ${name}`, () => {
    const schema = uniqueSchema('sealed');
    const eventSchema = uniqueSchema('es');
    const cleanups: (() => Promise<void>)[] = [];
    after(async () => {
      for (const cleanup of cleanups.reverse()) await cleanup();
    });

    /** Every row of every read model as stored, as text: what a copy of the database shows. */
    async function storedText(store: ReadStore): Promise<string> {
      const { rows } = await sql<{ text: string }>`
        SELECT string_agg(to_jsonb(t)::text, E'\\n') AS text FROM (
          SELECT to_jsonb(r) AS t FROM ${sql.table(`${schema}.users`)} r UNION ALL
          SELECT to_jsonb(r) FROM ${sql.table(`${schema}.avatars`)} r UNION ALL
          SELECT to_jsonb(r) FROM ${sql.table(`${schema}.materials`)} r UNION ALL
          SELECT to_jsonb(r) FROM ${sql.table(`${schema}.chats`)} r UNION ALL
          SELECT to_jsonb(r) FROM ${sql.table(`${schema}.messages`)} r) AS all_rows(t)`.execute(store.db);
      return rows[0]?.text ?? '';
    }

    it('seals what an earlier version stored in plaintext, in place, and reads back the same models', async () => {
      const client = await openClient();
      cleanups.push(() => client.close());
      const { eventStore, keyStore } = await decryptingEventStore(client, eventSchema);
      cleanups.push(() => eventStore.close());
      const bus = createCommandBus({ eventStore });
      const history: History = { position: 0n };
      const anna = await registerPerson(bus, history);
      const avatar = await liveAvatarHistory(bus, history, anna.userId);
      const chatty = await chattyAvatar(bus, history, anna.userId, 5);

      // 1. Today's build: no sealer, the projector writes plaintext.
      const before = await openReadStore(client)({ schema });
      const projector = createProjector({ eventStore, db: before.db, schema });
      await projector.start();
      await projector.waitFor(history.position, 30_000);
      await projector.stop();
      assert.match(await storedText(before), /Лев Николаевич Толстой/);
      const plainChecksums = await readModelChecksums(before.db, schema);
      const plainMessages = await listMessages(before.models, anna.userId, chatty.chatId, { first: 10 });
      await before.close();

      // 2. The upgrade: opening the read store with the sealer seals every personal value in place.
      const after = await openReadStore(client)({ schema, sealer: createColumnSealer(keyStore) });
      cleanups.push(() => after.close());
      const stored = await storedText(after);
      for (const secret of ['Лев Николаевич Толстой', 'Анна Каренина', anna.email]) {
        assert.equal(stored.includes(secret), false, `${secret} is no longer stored in plaintext`);
      }
      assert.match(stored, /bishop-sealed:1:avatar-/);
      assert.deepEqual(await readModelChecksums(after.db, schema), plainChecksums, 'nothing was lost or changed');
      assert.deepEqual(await listMessages(after.models, anna.userId, chatty.chatId, { first: 10 }), plainMessages);
      assert.equal((await findAvatarById(after.models, anna.userId, avatar.avatarId))?.name, 'Лев Николаевич Толстой');

      // 3. Shredding the key leaves the stored values unreadable for good.
      await keyStore.destroyDataKey(avatarStream(avatar.avatarId));
      const shredded = await findAvatarById(after.models, anna.userId, avatar.avatarId);
      assert.equal(shredded?.name, null);
      assert.equal(shredded?.description, null);
    });
  });
}

sealedReadModelsSuite(
  'PostgreSQL server',
  async () => createPgSqlClient({ connectionString: testDatabaseUrl }),
  (client) => async (options) => {
    const store = await createReadStore({ kind: 'postgres', connectionString: testDatabaseUrl, ...options });
    return {
      ...store,
      async close() {
        await store.close();
        if (options.sealer) await client.query(`DROP SCHEMA IF EXISTS "${options.schema}" CASCADE`);
      },
    };
  },
);

sealedReadModelsSuite(
  'PGlite (embedded)',
  () => createPgliteSqlClient(),
  (client) => (options) =>
    createReadStore({
      kind: 'pglite',
      pglite: (client as Awaited<ReturnType<typeof createPgliteSqlClient>>).pglite,
      ...options,
    }),
);
