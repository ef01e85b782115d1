import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openReplyRig, telegramExport } from '../src/reply-rig.ts';

type Rig = Awaited<ReturnType<typeof openReplyRig>>;

const firstChats = [
  ['Привет! Как ты?', 'Привет-привет, всё хорошо, готовлю лекцию про свет'],
  ['Будешь чай?', 'Буду, только без сахара, пожалуйста'],
  ['Что делаешь на выходных?', 'Поеду на дачу, там тёмное небо, возьму телескоп'],
] as const;
const laterChats = [
  ['Любишь ли ты оперу?', 'Обожаю оперу, особенно Верди и его «Травиату»'],
  ['Где ты была вчера вечером?', 'В Большом театре, давали «Травиату»'],
] as const;

/**
 * Time travel: version 1 is trained on one chat export with one persona card; version 2 on one more
 * export after the card changed. Each version still shows what it was built from, and a chat pinned
 * to version 1 keeps answering as version 1 (the retrieval responder, so answers are the person's own).
 */
describe('time travel: the avatar as it was at an earlier persona version (bishop start)', () => {
  let rig: Rig;
  let avatarId: string;
  const card = (description: string) =>
    rig.call('mutation($a: ID!, $c: PersonaCardInput!) { editPersonaCard(id: $a, card: $c) { position } }', {
      a: avatarId,
      c: { description, languages: ['ru'] },
    });

  before(async () => {
    rig = await openReplyRig('time-travel', { BISHOP_LLM_MODEL: 'llm-not-installed' });
    avatarId = await rig.createAvatar('Анна');
    await card('Физик, читает лекции про свет');
    const first = await rig.upload(avatarId, [
      { name: 'first.json', text: telegramExport('Анна Петрова', 'Борис', firstChats) },
    ]);
    await rig.chooseParticipant(avatarId, first['first.json'] as string, 'Анна Петрова');
    assert.equal(await rig.train(avatarId, { holdOutShare: 0 }), 1);
    await card('Физик и страстная театралка');
    const later = await rig.upload(avatarId, [
      { name: 'later.json', text: telegramExport('Анна Петрова', 'Вера', laterChats) },
    ]);
    await rig.chooseParticipant(avatarId, later['later.json'] as string, 'Анна Петрова');
    assert.equal(await rig.train(avatarId, { holdOutShare: 0 }), 2);
  });
  after(() => rig?.stop());

  const versionView = (version: number) =>
    rig.call(
      `query($a: ID!, $v: Int!) { avatar(id: $a) { activePersonaVersion personaVersion(version: $v) {
        version active card { description languages } styleProfile settings
        materialsUsed { fileName kind participant pairs } } } }`,
      { a: avatarId, v: version },
    );

  it('shows each version with the card, materials and style it was built from', async () => {
    const v1 = (await versionView(1)).avatar;
    const v2 = (await versionView(2)).avatar;
    assert.equal(v1.activePersonaVersion, 2);
    assert.equal(v1.personaVersion.active, false);
    assert.equal(v1.personaVersion.card.description, 'Физик, читает лекции про свет');
    assert.equal(v2.personaVersion.card.description, 'Физик и страстная театралка');
    assert.deepEqual(
      v1.personaVersion.materialsUsed.map((m: any) => [m.fileName, m.kind, m.participant, m.pairs]),
      [['first.json', 'CHAT_EXPORT', 'Анна Петрова', 3]],
    );
    assert.deepEqual(v2.personaVersion.materialsUsed.map((m: any) => m.fileName).sort(), ['first.json', 'later.json']);
    assert.equal(typeof v1.personaVersion.styleProfile, 'object');
    assert.notDeepEqual(v1.personaVersion.styleProfile, v2.personaVersion.styleProfile);
  });

  it('answers as version 1 in a chat pinned to it, while other chats follow the active version', async () => {
    const question = 'Ты любишь оперу?';
    const pinned = await rig.openChat(avatarId, { personaVersion: 1 });
    const then = (await pinned.settled((await pinned.send(question)).messageId)).message;
    assert.equal(then.replyState, 'REPLIED', JSON.stringify(then.failure));
    assert.equal(then.reply?.personaVersion, 1);
    assert.ok(!then.reply?.text?.includes('Верди'), 'version 1 knows nothing about the opera');
    const now = await rig.openChat(avatarId);
    const today = (await now.settled((await now.send(question)).messageId)).message;
    assert.equal(today.reply?.personaVersion, 2);
    assert.equal(today.reply?.text, 'Обожаю оперу, особенно Верди и его «Травиату»');
  });

  it('refuses to pin a chat to a version the avatar never had', async () => {
    await assert.rejects(rig.openChat(avatarId, { personaVersion: 7 }), /no persona version 7/);
    await assert.rejects(versionView(7), /no persona version 7/);
  });
});
