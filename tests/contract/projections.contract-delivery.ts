import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { createCommandBus } from '@bishop/commands';
import { avatarStream, type ChangeNotice, changeKinds, userStream } from '@bishop/domain';
import {
  DEFAULT_PROJECTOR_NAME,
  type ProjectionFailure,
  ReadModelsTimeoutError,
  readModelChecksums,
} from '@bishop/projections';
import { waitFor } from '../src/async.ts';
import { asUser } from '../src/command-fixtures.ts';
import { newEvent } from '../src/event-fixtures.ts';
import type { ProjectionsFixture } from './projections.contract-fixture.ts';
import { allEvents } from './projections.contract-rows.ts';
import { avatarCommands, chattyAvatar, extraction, materialFile, registerPerson } from './projections.history.ts';

const timelineStreams = /^(avatar|chat)-/;

export function deliverySection(get: () => ProjectionsFixture): void {
  describe('exactly-once delivery', () => {
    it('a reader never sees part of a batch: timeline rows always match the checkpoint', async () => {
      const fixture = get();
      const { harness } = fixture;
      const events = await allEvents(fixture);
      const head = events.at(-1)?.position ?? 0n;
      const timelinePositions = events.filter((e) => timelineStreams.test(e.streamName)).map((e) => e.position);
      const schema = await fixture.freshSchema();
      const observations: { checkpoint: bigint; entries: number }[] = [];
      const projector = await fixture.startProjector(schema, { batchSize: 1000 });
      for (let checkpoint = 0n; checkpoint < head; ) {
        const [row] = await harness.otherClient.query<{ checkpoint: string | null; entries: string }>(
          `SELECT (SELECT position FROM "${schema}".projection_checkpoints WHERE name = $1)::text AS checkpoint,
                  (SELECT count(*) FROM "${schema}".avatar_timeline)::text AS entries`,
          [DEFAULT_PROJECTOR_NAME],
        );
        checkpoint = BigInt(row?.checkpoint ?? 0);
        observations.push({ checkpoint, entries: Number(row?.entries) });
        // PGlite answers without ever leaving the microtask queue: let timers and I/O run between polls.
        await new Promise((resolve) => setImmediate(resolve));
      }
      await projector.stop();
      for (const { checkpoint, entries } of observations) {
        const expected = timelinePositions.filter((position) => position <= checkpoint).length;
        assert.equal(entries, expected, `at checkpoint ${checkpoint}: ${entries} entries, expected ${expected}`);
      }
    });

    it('a second connection sees nothing of a batch blocked before its commit, then all of it', async (t) => {
      const fixture = get();
      const { harness, bus, history, anna } = fixture;
      if (harness.sessions === 'one') return t.skip('PGlite has one session: nothing can read mid-transaction');
      const schema = await fixture.freshSchema();
      const caughtUp = await fixture.startProjector(schema);
      await caughtUp.waitFor(history.position, 30_000);
      await caughtUp.stop();
      // Appended first: `$all` readers wait for older open transactions, and the lock below opens one.
      const { avatarId } = await chattyAvatar(bus, history, anna.userId, 2);
      let release: () => void = () => {};
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      let locked: () => void = () => {};
      const lockTaken = new Promise<void>((resolve) => {
        locked = resolve;
      });
      // Holding the checkpoint row stops the next batch at its last statement, the checkpoint write.
      const holding = harness.otherClient.transaction(async (tx) => {
        await tx.query(`SELECT 1 FROM "${schema}".projection_checkpoints WHERE name = $1 FOR UPDATE`, [
          DEFAULT_PROJECTOR_NAME,
        ]);
        locked();
        await released;
      });
      const timelineRows = async () => {
        const { n } = await harness.readStore.db
          .withSchema(schema)
          .selectFrom('avatar_timeline')
          .select((eb) => eb.fn.countAll<bigint>().as('n'))
          .where('avatar_id', '=', avatarId)
          .executeTakeFirstOrThrow();
        return n;
      };
      try {
        await lockTaken;
        const projector = await fixture.startProjector(schema);
        const blocked = async () => {
          const [row] = await harness.otherClient.query<{ n: string }>(
            `SELECT count(*)::text AS n FROM pg_stat_activity
              WHERE wait_event_type = 'Lock' AND query ILIKE '%projection_checkpoints%' AND query ILIKE $1`,
            [`%${schema}%`],
          );
          return row?.n !== '0';
        };
        for (let tries = 0; !(await blocked()); tries++) {
          assert.ok(tries < 1000, 'the projector never reached the checkpoint write');
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        assert.equal(await timelineRows(), 0n, 'rows of the uncommitted batch are invisible');
        release();
        await holding;
        await projector.waitFor(history.position);
        assert.equal(await timelineRows(), 4n, 'created, chat opened, two messages: all at once');
      } finally {
        release();
        await holding;
      }
    });

    it('replaying events already applied changes nothing, from the start or from the middle', async () => {
      const fixture = get();
      const schema = await fixture.freshSchema();
      const first = await fixture.startProjector(schema);
      await first.waitFor(fixture.history.position, 30_000);
      await first.stop();
      const before = await readModelChecksums(fixture.harness.readStore.db, schema);
      const events = await allEvents(fixture);
      const middle = events[Math.floor(events.length / 2)]?.position ?? 0n;
      // As if the checkpoint had been lost: rows already carry these events and must not take them twice.
      for (const from of [middle, 0n]) {
        await fixture.harness.otherClient.query(`UPDATE "${schema}".projection_checkpoints SET position = $1`, [
          from.toString(),
        ]);
        const again = await fixture.startProjector(schema);
        assert.equal(again.checkpoint(), from);
        await again.waitFor(fixture.history.position, 30_000);
        await again.stop();
        assert.deepEqual(
          await readModelChecksums(fixture.harness.readStore.db, schema),
          before,
          `replayed from ${from}`,
        );
      }
    });

    it('a projector whose tables are swapped for ones further behind replays from their checkpoint', async () => {
      const fixture = get();
      const { bus, history, anna, harness } = fixture;
      const live = await fixture.freshSchema();
      const behind = await fixture.freshSchema();
      const lagging = await fixture.startProjector(behind);
      await lagging.waitFor(history.position, 30_000);
      await lagging.stop();
      const projector = await fixture.startProjector(live);
      // Only the live tables see this chat before the swap.
      const { chatId } = await chattyAvatar(bus, history, anna.userId, 3);
      await projector.waitFor(history.position, 30_000);
      // What a rebuild does: other tables take the live name, here ones that never saw the chat.
      await harness.otherClient.transaction(async (tx) => {
        await tx.query(`ALTER SCHEMA "${live}" RENAME TO "${live}_old"`);
        await tx.query(`ALTER SCHEMA "${behind}" RENAME TO "${live}"`);
      });
      try {
        const sent = await bus.chat(chatId, {
          type: 'SendMessage',
          data: { messageId: randomUUID(), text: 'После подмены' },
          metadata: asUser(anna.userId),
        });
        await projector.waitFor(sent.position);
        const chat = await harness.readStore.db
          .withSchema(live)
          .selectFrom('chats')
          .select('message_count')
          .where('chat_id', '=', chatId)
          .executeTakeFirst();
        assert.equal(chat?.message_count, 4, 'the three messages the new tables missed, then the new one');
      } finally {
        await harness.otherClient.query(`DROP SCHEMA "${live}_old" CASCADE`);
      }
    });

    it('a restarted projector resumes from its checkpoint and applies nothing twice', async () => {
      const fixture = get();
      const schema = await fixture.freshSchema();
      const first = await fixture.startProjector(schema);
      await first.waitFor(fixture.history.position, 30_000);
      await first.stop();
      const stoppedAt = first.checkpoint();
      const { chatId } = await chattyAvatar(fixture.bus, fixture.history, fixture.boris.userId, 3);
      const notices: ChangeNotice[] = [];
      const second = await fixture.startProjector(schema, { onCommitted: (batch) => notices.push(...batch) });
      assert.equal(second.checkpoint(), stoppedAt);
      await second.waitFor(fixture.history.position);
      assert.ok(notices.length > 0);
      assert.deepEqual(
        notices.filter((notice) => BigInt(notice.position) <= stoppedAt),
        [],
      );
      const chat = await fixture.harness.readStore.db
        .withSchema(schema)
        .selectFrom('chats')
        .select('message_count')
        .where('chat_id', '=', chatId)
        .executeTakeFirstOrThrow();
      assert.equal(chat.message_count, 3);
    });
  });

  describe('notices, waiting and lag', () => {
    it('notices come after their batch committed, and cover every kind of change', async () => {
      const fixture = get();
      const { harness } = fixture;
      const schema = await fixture.freshSchema();
      const lookups: Promise<{ id: string; found: boolean }>[] = [];
      const projector = await fixture.startProjector(schema, {
        batchSize: 20,
        onCommitted: (notices) => {
          for (const { kind, id } of notices.filter((notice) => notice.kind === 'message')) {
            lookups.push(
              harness.otherClient
                .query(`SELECT 1 FROM "${schema}".messages WHERE message_id = $1`, [id])
                .then((rows) => ({ id, found: rows.length === 1 })),
            );
            assert.equal(kind, 'message');
          }
        },
      });
      await projector.waitFor(fixture.history.position, 30_000);
      await projector.stop();
      const results = await Promise.all(lookups);
      assert.ok(results.length >= 8);
      assert.deepEqual(
        results.filter((result) => !result.found),
        [],
      );
      const { notices, anna, boris, closed, conversation } = fixture;
      assert.deepEqual(
        changeKinds.filter((kind) => !notices.some((notice) => notice.kind === kind)),
        [],
      );
      assert.deepEqual(
        notices.filter(
          (notice) => ![anna.userId, boris.userId, closed.userId, conversation.person.userId].includes(notice.ownerId),
        ),
        [],
      );
      const message = notices.find(
        (notice) => notice.kind === 'message' && notice.id === fixture.annasAvatar.messages.dubbed,
      );
      assert.equal(message?.chatId, fixture.annasAvatar.chat);
      assert.equal(message?.avatarId, fixture.annasAvatar.avatarId);
    });

    it('waitFor gives up with a clear error; lag says how far behind the projector is', async () => {
      const fixture = get();
      const beyond = fixture.history.position + 1_000_000n;
      await assert.rejects(fixture.projector.waitFor(beyond, 30), (error: Error) => {
        assert.ok(error instanceof ReadModelsTimeoutError);
        assert.match(error.message, new RegExp(`did not reach position ${beyond} within 30 ms`));
        return true;
      });
      const schema = await fixture.freshSchema();
      const projector = await fixture.startProjector(schema);
      await projector.waitFor(fixture.history.position, 30_000);
      assert.deepEqual(await projector.lag(), {
        checkpoint: projector.checkpoint(),
        head: projector.checkpoint(),
        positionsBehind: 0n,
        secondsBehind: 0,
      });
      await projector.stop();
      const renamed = await avatarCommands(
        fixture.bus,
        fixture.history,
        fixture.boris.userId,
        fixture.borisAvatar.avatarId,
      ).asOwner('RenameAvatar', { name: `Собеседник ${randomUUID().slice(0, 4)}` });
      const lag = await projector.lag();
      assert.equal(lag.head, renamed.position);
      assert.equal(lag.positionsBehind, renamed.position - projector.checkpoint());
      assert.ok(lag.secondsBehind >= 0 && lag.secondsBehind < 60, `${lag.secondsBehind} s behind`);
    });
  });

  describe('failures and erasure', () => {
    it('a failing event is reported with its position and type and retried with backoff, never skipped', async () => {
      const fixture = get();
      const { eventStore, raw } = await fixture.harness.openIsolatedEventStore();
      const bus = createCommandBus({ eventStore });
      const ownerId = randomUUID();
      const before = randomUUID();
      const created = await bus.avatar(before, {
        type: 'CreateAvatar',
        data: { avatarId: before, name: 'До' },
        metadata: asUser(ownerId),
      });
      // Written by a newer Bishop: this version cannot read it.
      const poisoned = await raw.appendToStream(avatarStream(before), [
        newEvent('AvatarRenamed', { name: 'x' }, { schemaVersion: 99, actorId: `user:${ownerId}` }),
      ]);
      const after = randomUUID();
      await bus.avatar(after, {
        type: 'CreateAvatar',
        data: { avatarId: after, name: 'После' },
        metadata: asUser(ownerId),
      });
      const failures: ProjectionFailure[] = [];
      const schema = await fixture.freshSchema();
      const projector = await fixture.startProjector(schema, {
        eventStore,
        retryDelays: { initialMs: 5, maxMs: 20 },
        onError: (failure) => failures.push(failure),
      });
      await waitFor(() => failures.length >= 3, 10_000);
      await projector.stop();
      const last = failures.at(-1);
      assert.equal(last?.position, poisoned.position);
      assert.equal(last?.eventType, 'AvatarRenamed');
      assert.equal(last?.during, 'apply');
      assert.match(String((last?.error as Error | undefined)?.message), /schema version 99/);
      assert.ok((last?.retryInMs ?? 0) > 0);
      assert.deepEqual(
        failures.slice(-2).map((failure) => failure.attempt),
        [(last?.attempt ?? 0) - 1, last?.attempt],
      );
      assert.equal(projector.checkpoint(), created.position, 'stopped right before the failing event');
      const avatars = await fixture.harness.readStore.db
        .withSchema(schema)
        .selectFrom('avatars')
        .select('avatar_id')
        .execute();
      assert.deepEqual(
        avatars.map((avatar) => avatar.avatar_id),
        [before],
      );
    });

    it('fields whose data key was destroyed read as erased', async () => {
      const fixture = get();
      const { bus, history, harness } = fixture;
      const person = await registerPerson(bus, history, 'Вера Холодная');
      const avatarId = randomUUID();
      const { asOwner, asWorker } = avatarCommands(bus, history, person.userId, avatarId);
      await asOwner('CreateAvatar', { avatarId, name: 'Вера' });
      const file = materialFile('переписка.json', 'chatExport', 'application/json');
      await asOwner('UploadMaterial', file);
      await asWorker('StartMaterialExtraction', { materialId: file.materialId });
      await asWorker('RecordMaterialExtraction', extraction(file.materialId, { participants: ['Вера', 'Иван'] }));
      await asOwner('ChooseChatParticipant', { materialId: file.materialId, participants: ['Вера'] });
      const chatId = randomUUID();
      const messageId = randomUUID();
      await bus.chat(chatId, {
        type: 'OpenChat',
        data: { chatId, avatarId, title: 'Письма' },
        metadata: asUser(person.userId),
      });
      const sent = await bus.chat(chatId, {
        type: 'SendMessage',
        data: { messageId, text: 'Секрет' },
        metadata: asUser(person.userId),
      });
      if (sent.position > history.position) history.position = sent.position;
      await harness.keyStore.destroyDataKey(avatarStream(avatarId));
      await harness.keyStore.destroyDataKey(userStream(person.userId));

      const schema = await fixture.freshSchema();
      const projector = await fixture.startProjector(schema);
      await projector.waitFor(history.position, 30_000);
      const db = harness.readStore.db.withSchema(schema);
      const user = await db
        .selectFrom('users')
        .selectAll()
        .where('user_id', '=', person.userId)
        .executeTakeFirstOrThrow();
      assert.deepEqual([user.email, user.full_name, user.erased_fields], [null, null, ['email', 'full_name']]);
      const tokens = await db.selectFrom('api_tokens').selectAll().where('owner_id', '=', person.userId).execute();
      assert.deepEqual(
        tokens.map((token) => [token.name, token.token_hash, token.erased_fields]),
        [
          [null, null, ['name', 'token_hash']],
          [null, null, ['name', 'token_hash']],
        ],
      );
      const avatar = await db
        .selectFrom('avatars')
        .selectAll()
        .where('avatar_id', '=', avatarId)
        .executeTakeFirstOrThrow();
      assert.deepEqual([avatar.name, avatar.status, avatar.erased_fields], [null, 'active', ['name']]);
      const material = await db
        .selectFrom('materials')
        .selectAll()
        .where('material_id', '=', file.materialId)
        .executeTakeFirstOrThrow();
      assert.deepEqual(
        [
          material.file_name,
          material.participants,
          material.preview,
          material.chosen_participant,
          material.chat_facts,
          material.notes,
          material.state,
        ],
        [null, null, null, null, null, null, 'ready'],
      );
      assert.deepEqual(material.erased_fields, [
        'chat_facts',
        'chosen_participant',
        'chosen_participants',
        'file_name',
        'notes',
        'participants',
        'preview',
      ]);
      const chat = await db.selectFrom('chats').selectAll().where('chat_id', '=', chatId).executeTakeFirstOrThrow();
      assert.deepEqual([chat.title, chat.erased_fields, chat.message_count], [null, ['title'], 1]);
      const message = await db
        .selectFrom('messages')
        .selectAll()
        .where('message_id', '=', messageId)
        .executeTakeFirstOrThrow();
      assert.deepEqual([message.text, message.erased_fields], [null, ['text']]);
    });
  });
}
