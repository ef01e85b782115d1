import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { DataKeyDestroyedError, type EventStore, type KeyStore } from '@bishop/domain/ports';
import {
  createPersonalDataEventStore,
  createPgSqlClient,
  createPostgresEventStore,
  createSqlKeyStore,
  isEncryptedField,
  type SqlClient,
} from '@bishop/infra';
import { collectUntil } from '../src/async.ts';
import { newEvent, uniquePrefix } from '../src/event-fixtures.ts';
import { testDatabaseUrl, uniqueSchema } from '../src/test-env.ts';
import { testMasterKey } from './key-store.contract.ts';

const personalFields: Record<string, readonly string[]> = {
  MessageSent: ['text'],
  MaterialExtracted: ['preview', 'participants'],
};

describe('personal data encryption (crypto-shredding)', () => {
  const schema = uniqueSchema('pd');
  let sql: SqlClient;
  let raw: EventStore;
  let keys: KeyStore;
  let store: EventStore;

  before(async () => {
    sql = createPgSqlClient({ connectionString: testDatabaseUrl });
    raw = await createPostgresEventStore(sql, { schema });
    keys = await createSqlKeyStore(sql, { schema, masterKey: testMasterKey });
    store = createPersonalDataEventStore(raw, keys, (type) => personalFields[type] ?? []);
  });
  after(async () => {
    await store.close();
    await sql.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await sql.close();
  });

  function personalEvent(subject: string, text: string) {
    return newEvent('MessageSent', { messageId: randomUUID(), text }, { dataSubject: subject });
  }

  it('stores personal fields encrypted and reads them back transparently', async () => {
    const stream = `chat-${uniquePrefix()}`;
    const event = personalEvent(`avatar-${uniquePrefix()}`, 'Секрет: я люблю оперу');
    await store.appendToStream(stream, [event]);
    const [stored] = await raw.readStream(stream);
    assert.ok(isEncryptedField(stored?.data.text), 'the text is sealed at rest');
    assert.equal(JSON.stringify(stored?.data).includes('оперу'), false);
    assert.equal(stored?.data.messageId, event.data.messageId, 'other fields stay readable');
    const [read] = await store.readStream(stream);
    assert.deepEqual(read?.data, event.data);
    assert.equal(read?.metadata.erasedFields, undefined);
  });

  it('decrypts events delivered by subscriptions and $all reads', async () => {
    const prefix = uniquePrefix('chat');
    const start = await store.headPosition();
    const event = personalEvent(`avatar-${uniquePrefix()}`, 'hello from the stream');
    await store.appendToStream(`${prefix}-1`, [event]);
    const [viaAll] = await store.readAll({ fromPosition: start, filter: { streamPrefixes: [prefix] } });
    assert.equal(viaAll?.data.text, 'hello from the stream');
    const subscription = store.subscribeToAll({ fromPosition: start, filter: { streamPrefixes: [prefix] } });
    const [viaSubscription] = await collectUntil(subscription, (seen) => seen.length >= 1);
    await subscription.close();
    assert.equal(viaSubscription?.data.text, 'hello from the stream');
  });

  it('erases the fields of a subject whose key is destroyed, keeping their shape, and leaves others intact', async () => {
    const doomed = `avatar-${uniquePrefix()}`;
    const kept = `avatar-${uniquePrefix()}`;
    const stream = `avatar-stream-${uniquePrefix()}`;
    await store.appendToStream(stream, [
      newEvent(
        'MaterialExtracted',
        { materialId: 'm1', preview: 'Дорогой дневник', participants: ['Аня', 'Боря'] },
        { dataSubject: doomed },
      ),
      personalEvent(kept, 'still here'),
    ]);
    await keys.destroyDataKey(doomed);
    const [erased, survivor] = await store.readStream(stream);
    assert.deepEqual(erased?.data, { materialId: 'm1', preview: '', participants: [] });
    assert.deepEqual(erased?.metadata.erasedFields, ['preview', 'participants']);
    assert.equal(survivor?.data.text, 'still here');
    await assert.rejects(store.appendToStream(stream, [personalEvent(doomed, 'again?')]), DataKeyDestroyedError);
  });

  it('refuses personal data without a data subject', async () => {
    await assert.rejects(
      store.appendToStream(`chat-${uniquePrefix()}`, [
        newEvent('MessageSent', { text: 'orphan' }, { dataSubject: undefined }),
      ]),
      /names no data subject/,
    );
  });

  it('detects a ciphertext moved to another event', async () => {
    const subject = `avatar-${uniquePrefix()}`;
    const from = `chat-${uniquePrefix()}`;
    await store.appendToStream(from, [personalEvent(subject, 'original')]);
    const [sealed] = await raw.readStream(from);
    // Replay the sealed field verbatim inside a different event: the associated data no longer matches.
    const to = `chat-${uniquePrefix()}`;
    await raw.appendToStream(to, [
      newEvent('MessageSent', { text: sealed?.data.text ?? null }, { dataSubject: subject }),
    ]);
    await assert.rejects(store.readStream(to), /unable to authenticate|Unsupported state/);
  });
});
