import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { avatarStream, chatStream, eventCatalogue } from '@bishop/domain';
import type { RecordedEvent } from '@bishop/domain/ports';
import {
  findApiTokenByHash,
  findOpenBlindTestInvite,
  findVoice,
  listApiTokens,
  listBlindTestInvites,
  listBlindTestScores,
  listMaterials,
  listPersonaVersions,
  listTestReports,
  listTimeline,
  personalColumns,
  wordlessColumns,
} from '@bishop/projections';
import type { ProjectionsFixture } from './projections.contract-fixture.ts';
import { chatFacts, firstTestReport } from './projections.history.ts';

/** Every event of `$all` (through the decrypting store). */
export async function allEvents(fixture: ProjectionsFixture): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for (let position = 0n; ; ) {
    const page = await fixture.harness.eventStore.readAll({ fromPosition: position, maxCount: 1000 });
    if (page.length === 0) return events;
    events.push(...page);
    position = page.at(-1)?.position ?? position;
  }
}

export function rowSection(get: () => ProjectionsFixture): void {
  describe('rows for every event type', () => {
    it('the shared history holds every event type of the catalogue (self-check)', async () => {
      const seen = new Set((await allEvents(get())).map((event) => event.type));
      assert.deepEqual(
        Object.keys(eventCatalogue).filter((type) => !seen.has(type)),
        [],
      );
    });

    it('every column that can hold words is sealed or declared wordless (self-check of the sealing list)', async () => {
      const { harness, schema } = get();
      const columns = await harness.otherClient.query<{ table_name: string; column_name: string }>(
        `SELECT table_name, column_name FROM information_schema.columns
          WHERE table_schema = $1 AND data_type IN ('text', 'jsonb', 'json', 'ARRAY', 'character varying')
          ORDER BY table_name, column_name`,
        [schema],
      );
      const decided = (table: string, column: string) =>
        Object.hasOwn(personalColumns[table as keyof typeof personalColumns]?.columns ?? {}, column) ||
        (wordlessColumns[table as keyof typeof wordlessColumns] ?? []).includes(column);
      assert.deepEqual(
        columns
          .filter((row) => !decided(row.table_name, row.column_name))
          .map((row) => `${row.table_name}.${row.column_name}`),
        [],
      );
    });

    it('users: registered, profile updated; password changes stay out', async () => {
      const { models, anna } = get();
      const user = await models.selectFrom('users').selectAll().where('user_id', '=', anna.userId).executeTakeFirst();
      assert.equal(user?.email, anna.email);
      assert.equal(user?.full_name, anna.fullName);
      assert.deepEqual(user?.erased_fields, []);
      assert.ok(user?.registered_at instanceof Date);
      assert.equal(
        Object.keys(user ?? {}).some((column) => column.includes('password')),
        false,
      );
    });

    it('api tokens: issued and revoked, found by hash for authentication', async () => {
      const { models, anna } = get();
      const tokens = await listApiTokens(models, anna.userId);
      assert.deepEqual(tokens.map((token) => token.name).sort(), ['CI', 'Old laptop']);
      const revoked = tokens.find((token) => token.token_id === anna.revokedTokenId);
      assert.ok(revoked?.revoked_at instanceof Date);
      const kept = await findApiTokenByHash(models, anna.keptTokenHash);
      assert.equal(kept?.token_id, anna.keptTokenId);
      assert.equal(kept?.owner_id, anna.userId);
      assert.equal(kept?.revoked_at, null);
    });

    it('a deleted account keeps its row, marked deleted, with no personal data and no usable token', async () => {
      const { models, closed } = get();
      const user = await models.selectFrom('users').selectAll().where('user_id', '=', closed.userId).executeTakeFirst();
      assert.equal(user?.email, null);
      assert.equal(user?.full_name, null);
      assert.ok(user?.deleted_at instanceof Date);
      assert.deepEqual(user?.erased_fields, ['email', 'full_name']);
      const tokens = await listApiTokens(models, closed.userId);
      assert.equal(tokens.length, 2);
      assert.ok(tokens.every((token) => token.revoked_at instanceof Date && token.name === null));
      assert.equal(await findApiTokenByHash(models, closed.keptTokenHash), null);
    });

    it('avatars: created, renamed, persona card, counts, rollback to version 1', async () => {
      const { models, annasAvatar, anna } = get();
      const avatar = await models
        .selectFrom('avatars')
        .selectAll()
        .where('avatar_id', '=', annasAvatar.avatarId)
        .executeTakeFirstOrThrow();
      assert.equal(avatar.owner_id, anna.userId);
      assert.equal(avatar.name, 'Лев Николаевич Толстой');
      assert.equal(avatar.status, 'active');
      assert.equal(avatar.description, 'Писатель, мыслитель');
      assert.equal(avatar.gender, 'male');
      assert.deepEqual(avatar.languages, ['ru', 'fr']);
      assert.equal(avatar.active_persona_version, 1);
      assert.equal(avatar.training_run_id, null);
      assert.equal(avatar.material_count, 4, 'five uploaded, one removed');
      assert.equal(avatar.chat_count, 1, 'two opened, one deleted');
      assert.equal(typeof avatar.created_position, 'bigint');
    });

    it('blind test: the invite counts its guest’s guesses and ends revoked; the tally is per persona version', async () => {
      const { models, annasAvatar, anna } = get();
      const invites = await listBlindTestInvites(models, anna.userId, annasAvatar.avatarId);
      assert.equal(invites.length, 1);
      assert.equal(invites[0]?.guesses, 1, 'the guest’s guess, not the owner’s');
      assert.ok(invites[0]?.revoked_at instanceof Date);
      assert.match(invites[0]?.token_hash ?? '', /^sha256\$/);
      assert.equal(await findOpenBlindTestInvite(models, invites[0]?.token_hash ?? '', new Date()), null, 'revoked');
      const scores = await listBlindTestScores(models, anna.userId, annasAvatar.avatarId);
      assert.deepEqual(
        scores.map((score) => [score.persona_version, score.guesses, score.correct]),
        [[1, 2, 1]],
      );
      assert.deepEqual(
        await listBlindTestScores(models, 'f0000000-0000-4000-8000-000000000000', annasAvatar.avatarId),
        [],
      );
    });

    it('materials: each state of extraction, the chosen participant, removal, sizes past 2 GiB', async () => {
      const { models, annasAvatar, anna } = get();
      const { materials: ids } = annasAvatar;
      const all = await listMaterials(models, anna.userId, annasAvatar.avatarId, { includeRemoved: true });
      const byId = new Map(all.map((material) => [material.material_id, material]));
      const lecture = byId.get(ids.lecture);
      assert.equal(lecture?.state, 'ready');
      assert.equal(lecture?.file_name, 'lecture.txt');
      assert.equal(lecture?.text_blob_key, `texts/${ids.lecture}.txt`);
      assert.equal(lecture?.char_count, 4321);
      assert.equal(lecture?.preview, 'Все счастливые семьи похожи друг на друга');
      const chatExport = byId.get(ids.chatExport);
      assert.deepEqual(chatExport?.participants, ['Лев', 'Софья']);
      assert.equal(chatExport?.chosen_participant, 'Лев');
      assert.deepEqual(chatExport?.chat_facts, chatFacts);
      assert.deepEqual(chatExport?.notes, ['1 message has no readable time (message 3 of the export)']);
      assert.equal(lecture?.chat_facts, null);
      assert.deepEqual(lecture?.notes, []);
      const broken = byId.get(ids.brokenRecording);
      assert.equal(broken?.state, 'failed');
      assert.equal(broken?.failure_reason_code, 'AUDIO_UNREADABLE');
      assert.equal(broken?.failure_reason, 'The audio track could not be decoded');
      assert.deepEqual(broken?.decoded_media, { durationSec: 3.5, channels: 2, sampleRate: 44_100 });
      assert.equal(byId.get(ids.removed)?.removed, true);
      assert.ok(byId.get(ids.removed)?.removed_at instanceof Date);
      const interview = byId.get(ids.interview);
      assert.equal(interview?.size_bytes, 3_000_000_000n);
      assert.equal(interview?.duration_sec, 120.5);
      assert.equal(interview?.segments_blob_key, `segments/${ids.interview}.${annasAvatar.samples.accepted}.json`);
      assert.equal(interview?.speaker_sample_id, annasAvatar.samples.accepted);
      assert.equal(interview?.speaker_threshold, 0.86);
      assert.equal(interview?.person_speech_sec, 80.25);
      assert.equal(interview?.other_speech_sec, 30.5);
      assert.equal(interview?.speaker_failure_code, null);
      const live = await listMaterials(models, anna.userId, annasAvatar.avatarId);
      assert.deepEqual(
        live.map((material) => material.material_id),
        [ids.lecture, ids.chatExport, ids.brokenRecording, ids.interview],
        'upload order, removed left out',
      );
    });

    it('voice: the consent, the rejected and the accepted sample', async () => {
      const { models, annasAvatar, anna } = get();
      const voice = await findVoice(models, anna.userId, annasAvatar.avatarId);
      assert.equal(voice.consent?.basis, 'personConsented');
      assert.equal(voice.consent?.person_name, 'Лев Толстой');
      assert.equal(voice.consent?.given_on, '2026-11-01');
      assert.equal(voice.consent?.recorded_by, `user:${anna.userId}`);
      assert.equal(voice.latestSample?.sample_id, annasAvatar.samples.accepted);
      assert.equal(voice.activeSample?.sample_id, annasAvatar.samples.accepted);
      assert.equal(voice.activeSample?.state, 'ready');
      assert.equal(voice.activeSample?.duration_sec, 20);
      assert.equal(voice.activeSample?.loudness_lufs, -18.5);
      assert.deepEqual(voice.activeSample?.source, {
        kind: 'material',
        materialId: annasAvatar.materials.interview,
        startSec: 10,
        endSec: 30,
      });
      const rejected = await models
        .selectFrom('voice_samples')
        .selectAll()
        .where('sample_id', '=', annasAvatar.samples.rejected)
        .executeTakeFirstOrThrow();
      assert.equal(rejected.state, 'rejected');
      assert.equal(rejected.reason_code, 'TWO_SPEAKERS');
      assert.equal(rejected.duration_sec, 14.5, 'what the check measured, beside the reason');
      assert.equal(rejected.loudness_lufs, -22);
      assert.equal(rejected.speaker_consistency, 0.12);
    });

    it('training: runs completed, failed and stopped, persona versions with the active flag, the test report', async () => {
      const { models, annasAvatar, anna } = get();
      const { runs } = annasAvatar;
      const rows = await models
        .selectFrom('training_runs')
        .selectAll()
        .where('avatar_id', '=', annasAvatar.avatarId)
        .execute();
      const run = (id: string) => rows.find((row) => row.run_id === id);
      assert.equal(run(runs.first)?.status, 'completed');
      assert.equal(run(runs.first)?.stage, 'embedding');
      assert.equal(run(runs.first)?.percent, 100);
      assert.equal(run(runs.first)?.persona_version, 1);
      assert.deepEqual(run(runs.first)?.stats, { pairs: 42 });
      assert.deepEqual(run(runs.first)?.settings, { epochs: 1 });
      assert.equal(run(runs.first)?.material_ids.length, 3);
      assert.equal(run(runs.failed)?.status, 'failed');
      assert.equal(run(runs.failed)?.failure_reason_code, 'OUT_OF_MEMORY');
      assert.equal(run(runs.stopped)?.status, 'stopped');
      assert.ok(run(runs.stopped)?.finished_at instanceof Date);
      const versions = await listPersonaVersions(models, anna.userId, annasAvatar.avatarId);
      assert.deepEqual(
        versions.map((version) => [version.version, version.run_id, version.active]),
        [
          [2, runs.second, false],
          [1, runs.first, true],
        ],
      );
      const [running, report, ...others] = await listTestReports(models, anna.userId, annasAvatar.avatarId);
      assert.equal(others.length, 0);
      assert.deepEqual(
        [running?.run_id, running?.persona_version, running?.status, running?.report],
        [runs.second, 2, 'running', null],
      );
      assert.equal(report?.run_id, runs.first);
      assert.equal(report?.persona_version, 1);
      assert.deepEqual(report?.report, firstTestReport);
      // Started, then reported: done, and when it began is kept.
      assert.equal(report?.status, 'done');
      assert.ok(report?.started_at instanceof Date);
    });

    it('chats and messages: replies, failures, a cancel, dubs; a deleted chat keeps no text', async () => {
      const { models, annasAvatar } = get();
      const chat = await models
        .selectFrom('chats')
        .selectAll()
        .where('chat_id', '=', annasAvatar.chat)
        .executeTakeFirstOrThrow();
      assert.equal(chat.title, 'Война и мир');
      assert.equal(chat.status, 'open');
      assert.equal(chat.message_count, 4);
      assert.ok(chat.last_message_at instanceof Date);
      const messages = await models
        .selectFrom('messages')
        .selectAll()
        .where('chat_id', '=', annasAvatar.chat)
        .execute();
      const message = (id: string) => messages.find((row) => row.message_id === id);
      const { messages: ids, replies } = annasAvatar;
      assert.equal(message(ids.dubbed)?.reply_state, 'replied');
      assert.equal(message(ids.dubbed)?.reply_id, replies.dubbed);
      assert.equal(message(ids.dubbed)?.reply_text, 'Всякий человек есть целый мир');
      assert.equal(message(ids.dubbed)?.reply_model, 'retrieval');
      assert.equal(message(ids.dubbed)?.reply_latency_ms, 1234);
      assert.deepEqual(message(ids.dubbed)?.reply_source_ids, ['chunk-1', 'chunk-2']);
      assert.equal(message(ids.dubbed)?.dub_state, 'ready');
      assert.equal(message(ids.dubbed)?.dub_voice, 'cloned');
      assert.equal(message(ids.dubbed)?.dub_duration_sec, 3.5);
      assert.equal(message(ids.dubFailed)?.dub_state, 'failed');
      assert.equal(message(ids.dubFailed)?.dub_reason_code, 'TTS_DOWN');
      assert.equal(message(ids.failed)?.reply_state, 'failed');
      assert.equal(message(ids.failed)?.failure_reason_code, 'LLM_TIMEOUT');
      assert.equal(message(ids.cancelled)?.reply_state, 'cancelled');
      assert.equal(message(ids.cancelled)?.text, 'Вопрос cancelled?');

      const deleted = await models
        .selectFrom('chats')
        .selectAll()
        .where('chat_id', '=', annasAvatar.deletedChat)
        .executeTakeFirstOrThrow();
      assert.equal(deleted.status, 'deleted');
      assert.equal(deleted.title, null);
      assert.deepEqual(deleted.erased_fields, ['title']);
      const [secret] = await models
        .selectFrom('messages')
        .selectAll()
        .where('chat_id', '=', annasAvatar.deletedChat)
        .execute();
      assert.equal(secret?.text, null);
      assert.deepEqual(secret?.erased_fields, [
        'alternatives',
        'reply_heard_text',
        'reply_sources',
        'reply_text',
        'text',
        'voice_segments',
      ]);
    });

    it('messages: a reply regenerated then chosen back and rated, an edit, a deletion, a call turn cut by barge-in', async () => {
      const { models, conversation: talk } = get();
      const rows = await models
        .selectFrom('messages')
        .selectAll()
        .where('chat_id', '=', talk.chatId)
        .orderBy('sent_position')
        .execute();
      const row = (messageId: string) => rows.find((message) => message.message_id === messageId);
      const regenerated = row(talk.messages.regenerated);
      assert.equal(regenerated?.reply_id, talk.replies.first);
      assert.equal(regenerated?.reply_rating, 'up');
      assert.deepEqual(
        regenerated?.alternatives?.list.map((reply) => reply.replyId),
        [talk.replies.second],
      );
      const edited = row(talk.messages.edited);
      assert.equal(edited?.text, 'Бессонница. Гомер?');
      assert.ok(edited?.edited_at instanceof Date);
      assert.equal(edited?.reply_state, 'pending', 'an edited message is answered again');
      const deleted = row(talk.messages.deleted);
      assert.ok(deleted === undefined || (deleted.deleted_at instanceof Date && deleted.text === null));
      const heard = row(talk.call.heard);
      assert.deepEqual(
        [heard?.kind, heard?.call_id, heard?.voice_state, heard?.reply_id, heard?.reply_cut, heard?.reply_heard_sec],
        ['voice', talk.call.callId, 'transcribed', talk.call.reply, true, 1.5],
      );
      const unheard = row(talk.call.unheard);
      assert.deepEqual([unheard?.voice_state, unheard?.failure_reason_code], ['failed', 'NO_SPEECH']);
    });

    it('a deleted avatar keeps its tombstone and history but none of the person’s data', async () => {
      const { models, annasDeletedAvatar: gone } = get();
      const avatar = await models
        .selectFrom('avatars')
        .selectAll()
        .where('avatar_id', '=', gone.avatarId)
        .executeTakeFirstOrThrow();
      assert.equal(avatar.status, 'deleted');
      assert.equal(avatar.name, null);
      assert.ok(avatar.deleted_at instanceof Date);
      assert.deepEqual(avatar.erased_fields, [
        'description',
        'gender',
        'instructions',
        'name',
        'personality',
        'scenario',
      ]);
      const material = await models
        .selectFrom('materials')
        .selectAll()
        .where('material_id', '=', gone.materialId)
        .executeTakeFirstOrThrow();
      assert.equal(material.file_name, null);
      assert.deepEqual(material.erased_fields, [
        'chat_facts',
        'chosen_participant',
        'chosen_participants',
        'file_name',
        'notes',
        'participants',
        'preview',
      ]);
      assert.equal(material.chat_facts, null);
      assert.equal(material.notes, null);
      const consent = await models
        .selectFrom('voice_consents')
        .selectAll()
        .where('avatar_id', '=', gone.avatarId)
        .executeTakeFirstOrThrow();
      assert.equal(consent.person_name, null);
      assert.equal(consent.statement, null);
      const chat = await models
        .selectFrom('chats')
        .selectAll()
        .where('chat_id', '=', gone.chatId)
        .executeTakeFirstOrThrow();
      assert.equal(chat.title, null);
      assert.equal(chat.status, 'deleted');
      assert.deepEqual(chat.deleted_at, avatar.deleted_at);
      const message = await models
        .selectFrom('messages')
        .selectAll()
        .where('message_id', '=', gone.messageId)
        .executeTakeFirstOrThrow();
      assert.equal(message.text, null);
      const timeline = await models
        .selectFrom('avatar_timeline')
        .select('event_type')
        .where('avatar_id', '=', gone.avatarId)
        // Heap order is no order: an erasure rewrites rows, so the last written need not come last.
        .orderBy('position')
        .execute();
      assert.equal(timeline.at(-1)?.event_type, 'AvatarDeleted');
    });

    it('the timeline has one entry per event of the avatar and its chats, quoting nothing personal', async () => {
      const fixture = get();
      const { models, anna, annasAvatar } = fixture;
      const streams = new Set(
        [annasAvatar.avatarId, annasAvatar.chat, annasAvatar.deletedChat].map((id, index) =>
          index === 0 ? avatarStream(id) : chatStream(id),
        ),
      );
      const expected = (await allEvents(fixture)).filter((event) => streams.has(event.streamName));
      const entries = await listTimeline(models, anna.userId, annasAvatar.avatarId, { first: 100 });
      assert.deepEqual(
        entries.items.map((entry) => [entry.position, entry.event_type]),
        expected.map((event) => [event.position, event.type]).reverse(),
      );
      const personal = ['Толст', 'Война', 'войне', 'lecture', 'result.json', 'Лев', 'Софья', 'голос', 'Вопрос', 'мир'];
      const leaks = entries.items.filter((entry) => personal.some((word) => entry.summary.includes(word)));
      assert.deepEqual(leaks, []);
      const worker = entries.items.find((entry) => entry.event_type === 'TrainingProgressed');
      assert.equal(worker?.actor_id, 'system:worker');
      assert.equal(worker?.summary, 'Training reached stage "embedding" (55%)');
    });
  });
}
