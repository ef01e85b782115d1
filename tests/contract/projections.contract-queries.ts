import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  findApiTokenByHash,
  findAvatarById,
  findAvatarsByIds,
  findChatById,
  findChatsByIds,
  findMaterialById,
  findMaterialsByAvatarIds,
  findMessagesByIds,
  findPersonaVersionsByAvatarIds,
  findTestReportsByRunIds,
  findTrainingRunById,
  findTrainingRunsByIds,
  findUserById,
  findVoice,
  findVoicesByAvatarIds,
  listApiTokens,
  listAvatars,
  listChats,
  listMaterials,
  listMessages,
  listPersonaVersions,
  listTestReports,
  listTimeline,
  listTrainingRuns,
  type Page,
  searchMessages,
} from '@bishop/projections';
import type { ProjectionsFixture } from './projections.contract-fixture.ts';
import { avatarCommands } from './projections.history.ts';

const NOT_AN_ID = 'not-a-uuid';

/** Follows `endCursor` until the last page; returns the pages. */
async function allPages<Row>(read: (after: string | null) => Promise<Page<Row>>): Promise<Page<Row>[]> {
  const pages: Page<Row>[] = [];
  for (let after: string | null = null; ; ) {
    const page = await read(after);
    pages.push(page);
    if (!page.hasNextPage) return pages;
    after = page.endCursor;
  }
}

export function querySection(get: () => ProjectionsFixture): void {
  describe('queries', () => {
    it('search finds sealed words case-insensitively, newest first, in the owner’s open chats only', async () => {
      const { models, harness, schema, anna, annasAvatar: a, boris } = get();
      const stored = await harness.otherClient.query<{ text: string; reply_text: string | null }>(
        `SELECT text, reply_text FROM "${schema}".messages WHERE chat_id = $1`,
        [a.chat],
      );
      assert.ok(
        stored.every((row) => !row.text.includes('Вопрос') && !(row.reply_text ?? '').includes('мир')),
        'the words are sealed at rest, so SQL alone cannot search them',
      );
      const hits = await searchMessages(models, anna.userId, a.avatarId, '  ЦЕЛЫЙ МИР ');
      assert.deepEqual(
        hits.map((hit) => hit.message_id),
        [a.messages.dubFailed, a.messages.dubbed],
      );
      assert.equal(hits[0]?.chat_title, 'Война и мир');
      assert.deepEqual(
        (await searchMessages(models, anna.userId, a.avatarId, 'вопрос cancelled')).map((hit) => hit.message_id),
        [a.messages.cancelled],
      );
      assert.deepEqual(
        await searchMessages(models, anna.userId, a.avatarId, 'Тайна'),
        [],
        'a deleted chat is not searched',
      );
      assert.deepEqual(await searchMessages(models, boris.userId, a.avatarId, 'мир'), [], 'nor another owner’s');
      assert.equal((await searchMessages(models, anna.userId, a.avatarId, 'Вопрос', 2)).length, 2);
    });

    it('never return another owner’s rows', async () => {
      const { models, anna, annasAvatar: a, boris, borisAvatar: b } = get();
      const them = boris.userId;
      assert.equal(await findUserById(models, them, anna.userId), null);
      assert.equal((await findUserById(models, them, them))?.user_id, them);
      assert.deepEqual(
        (await listApiTokens(models, them)).map((token) => token.owner_id),
        [them, them],
      );
      assert.deepEqual(
        (await listAvatars(models, them)).items.map((avatar) => avatar.avatar_id),
        [b.avatarId],
      );
      assert.equal(await findAvatarById(models, them, a.avatarId), null);
      assert.deepEqual(await listMaterials(models, them, a.avatarId, { includeRemoved: true }), []);
      assert.equal(await findMaterialById(models, them, a.materials.lecture), null);
      assert.deepEqual((await listTrainingRuns(models, them, a.avatarId)).items, []);
      assert.equal(await findTrainingRunById(models, them, a.runs.first), null);
      assert.deepEqual(await listPersonaVersions(models, them, a.avatarId), []);
      assert.deepEqual(await listTestReports(models, them, a.avatarId), []);
      assert.deepEqual(await findVoice(models, them, a.avatarId), {
        avatarId: a.avatarId,
        consent: null,
        latestSample: null,
        samples: [],
        activeSample: null,
      });
      assert.deepEqual((await listChats(models, them, a.avatarId, { includeDeleted: true })).items, []);
      assert.equal(await findChatById(models, them, a.chat), null);
      assert.deepEqual((await listMessages(models, them, a.chat)).items, []);
      assert.deepEqual(await findMessagesByIds(models, them, [a.messages.dubbed]), [null]);
      assert.deepEqual((await listTimeline(models, them, a.avatarId)).items, []);
      // The owner does see them: the filters above are about ownership, not about missing rows.
      assert.equal((await findAvatarById(models, anna.userId, a.avatarId))?.avatar_id, a.avatarId);
      assert.equal((await findChatById(models, anna.userId, a.chat))?.chat_id, a.chat);
    });

    it('batch loaders answer in input order, with null or [] for unknown, foreign and malformed ids', async () => {
      const { models, anna, annasAvatar: a, borisAvatar: b } = get();
      const me = anna.userId;
      const avatars = await findAvatarsByIds(models, me, [b.avatarId, a.avatarId, NOT_AN_ID, a.avatarId]);
      assert.deepEqual(
        avatars.map((avatar) => avatar?.avatar_id ?? null),
        [null, a.avatarId, null, a.avatarId],
      );
      const materials = await findMaterialsByAvatarIds(models, me, [NOT_AN_ID, a.avatarId, b.avatarId]);
      assert.deepEqual(
        materials.map((list) => list.length),
        [0, 4, 0],
      );
      const runs = await findTrainingRunsByIds(models, me, [a.runs.stopped, a.runs.first]);
      assert.deepEqual(
        runs.map((run) => run?.status),
        ['stopped', 'completed'],
      );
      // The failed run was never tested; the second run's test is running (a row, no report yet).
      const reports = await findTestReportsByRunIds(models, me, [a.runs.failed, a.runs.second, a.runs.first]);
      assert.deepEqual(
        reports.map((report) => report?.persona_version ?? null),
        [null, 2, 1],
      );
      const versions = await findPersonaVersionsByAvatarIds(models, me, [b.avatarId, a.avatarId]);
      assert.deepEqual(
        versions.map((list) => list.map((version) => version.version)),
        [[], [2, 1]],
      );
      const voices = await findVoicesByAvatarIds(models, me, [a.avatarId, NOT_AN_ID]);
      assert.equal(voices[0]?.consent?.avatar_id, a.avatarId);
      assert.equal(voices[1]?.consent, null);
      const chats = await findChatsByIds(models, me, [a.deletedChat, b.chatId, a.chat]);
      assert.deepEqual(
        chats.map((chat) => chat?.status ?? null),
        ['deleted', null, 'open'],
      );
      assert.equal(await findApiTokenByHash(models, ''), null);
      assert.equal(await findApiTokenByHash(models, 'no-such-hash'), null);
    });

    it('page through messages either way, without gaps or repeats', async () => {
      const { models, boris, borisAvatar } = get();
      const read = (order: 'newestFirst' | 'oldestFirst') =>
        allPages((after) => listMessages(models, boris.userId, borisAvatar.chatId, { first: 2, after, order }));
      const newest = await read('newestFirst');
      assert.deepEqual(
        newest.map((page) => [page.items.length, page.hasNextPage]),
        [
          [2, true],
          [1, false],
        ],
      );
      assert.deepEqual(
        newest.flatMap((page) => page.items.map((message) => message.message_id)),
        borisAvatar.messageIds.toReversed(),
      );
      const oldest = await read('oldestFirst');
      assert.deepEqual(
        oldest.flatMap((page) => page.items.map((message) => message.message_id)),
        borisAvatar.messageIds,
      );
    });

    it('page through avatars newest first; new avatars do not shift later pages', async () => {
      const fixture = get();
      const { models, bus, history, anna } = fixture;
      const first = await listAvatars(models, anna.userId, { first: 1 });
      assert.equal(first.items[0]?.avatar_id, fixture.annasAvatar.avatarId, 'the deleted one is left out');
      assert.equal(first.hasNextPage, false);
      const withDeleted = await listAvatars(models, anna.userId, { first: 1, includeDeleted: true });
      assert.equal(withDeleted.items[0]?.avatar_id, fixture.annasDeletedAvatar.avatarId);
      // An avatar created after the first page was read comes before it, not on the next page.
      const avatarId = randomUUID();
      const result = await avatarCommands(bus, history, anna.userId, avatarId).asOwner('CreateAvatar', {
        avatarId,
        name: 'Новый',
      });
      await fixture.projector.waitFor(result.position);
      const next = await listAvatars(models, anna.userId, {
        first: 5,
        includeDeleted: true,
        after: withDeleted.endCursor,
      });
      assert.deepEqual(
        next.items.map((avatar) => avatar.avatar_id),
        [fixture.annasAvatar.avatarId],
      );
    });

    it('filters the timeline by kind', async () => {
      const { models, anna, annasAvatar } = get();
      const voice = await listTimeline(models, anna.userId, annasAvatar.avatarId, { kinds: ['voice'], first: 100 });
      assert.deepEqual(voice.items.map((entry) => entry.event_type).toReversed(), [
        'VoiceConsentRecorded',
        'VoiceSampleSubmitted',
        'VoiceSampleRejected',
        'VoiceSampleSubmitted',
        'VoiceSampleSet',
      ]);
      const none = await listTimeline(models, anna.userId, annasAvatar.avatarId, { kinds: [] });
      assert.deepEqual(none.items, []);
    });

    it('refuse bad cursors, page sizes and kinds with a clear error', async () => {
      const { models, anna, annasAvatar } = get();
      const invalid = (field: string) => (error: { code?: string; details?: { field?: string } }) =>
        error.code === 'BISHOP_ERR_INVALID_VALUE' && error.details?.field === field;
      await assert.rejects(listAvatars(models, anna.userId, { after: 'bm9wZQ' }), invalid('after'));
      await assert.rejects(listAvatars(models, anna.userId, { after: '' }), invalid('after'));
      await assert.rejects(listAvatars(models, anna.userId, { first: 0 }), invalid('first'));
      await assert.rejects(listAvatars(models, anna.userId, { first: 101 }), invalid('first'));
      await assert.rejects(
        listTimeline(models, anna.userId, annasAvatar.avatarId, { kinds: ['gossip' as 'chat'] }),
        /"gossip" is not a timeline kind/,
      );
    });
  });
}
