import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openReplyRig, passageId, telegramExport } from '../src/reply-rig.ts';

type Rig = Awaited<ReturnType<typeof openReplyRig>>;

const rarePassage = 'Мой учитель Вержбицкий объяснял нам оптику на примере мыльных пузырей и радуги над фонтаном.';
const lecture = [
  'Сегодня мы поговорим о том, как устроен свет и почему небо днём голубое, а закат красный.',
  'Свет — это электромагнитная волна; глаз различает длины волн от четырёхсот до семисот нанометров.',
  rarePassage,
  'Линза собирает лучи в фокусе, и на этом простом опыте держится вся геометрическая оптика.',
  'Призма раскладывает белый свет в спектр, как это впервые показал Ньютон в своих опытах.',
  'Поляризация света объясняет, почему солнечные очки убирают блики с воды и с мокрой дороги.',
].join('\n\n');

const exchanges = [
  ['Привет! Как ты?', 'Привет-привет, всё хорошо, готовлю лекцию про свет'],
  ['Будешь чай?', 'Буду, только без сахара, пожалуйста'],
  ['Ты видела комету Галлея?', 'Видела в восемьдесят шестом, с крыши общежития, до сих пор помню'],
  ['Что делаешь на выходных?', 'Поеду на дачу, там тёмное небо, возьму телескоп'],
  ['How was the conference?', 'Great, lots of questions about optics'],
] as const;

/** Uploads a lecture and a Telegram export, picks the person, trains: the avatar's persona version 1. */
async function trainedAvatar(rig: Rig, name: string) {
  const avatarId = await rig.createAvatar(name);
  const ids = await rig.upload(avatarId, [
    { name: 'lecture.txt', text: lecture },
    { name: 'result.json', text: telegramExport('Анна Петрова', 'Борис', exchanges) },
  ]);
  await rig.chooseParticipant(avatarId, ids['result.json'] as string, 'Анна Петрова');
  // Paragraphs stay passages of their own; every pair stays in (none held out), so each can answer.
  const version = await rig.train(avatarId, { targetPassageChars: 50, holdOutShare: 0 });
  return { avatarId, version, lectureId: ids['lecture.txt'] as string, chatExportId: ids['result.json'] as string };
}

describe('replies end to end: the local model (transformers.js, llm-tiny-random) over WebSocket', () => {
  let rig: Rig;
  let trained: Awaited<ReturnType<typeof trainedAvatar>>;
  before(async () => {
    // 400 tokens take the tiny model a second or more: time enough to cancel one mid-way.
    rig = await openReplyRig('replies-llm', { BISHOP_REPLY_MAX_TOKENS: '400' });
    trained = await trainedAvatar(rig, 'Анна');
  });
  after(() => rig?.stop());

  it('says on /readyz that the local model answers', async () => {
    const ready = await rig.readiness();
    assert.equal(ready.checks.replies?.ok, true);
    assert.equal(ready.checks.replies?.detail, 'llm: transformers.js:llm-tiny-random');
  });

  it('streams tokens before the final REPLIED, and the reply is their concatenation (untrained: card only)', async () => {
    const avatarId = await rig.createAvatar('Без обучения');
    const chat = await rig.openChat(avatarId);
    const { messageId } = await chat.send('Привет! Расскажи о себе. Tell me about yourself.');
    const { message, tokens, settledAt, lastTokenAt } = await chat.settled(messageId);
    assert.equal(message.replyState, 'REPLIED', JSON.stringify(message.failure));
    const reply = message.reply;
    assert.ok(reply);
    assert.ok(tokens.length > 10, `many pieces streamed, got ${tokens.length}`);
    assert.deepEqual(
      tokens.map((t) => t.index),
      tokens.map((_, i) => i),
      'indexes run 0, 1, 2… without a gap',
    );
    assert.equal(tokens.at(-1)?.done, true);
    assert.equal(tokens.map((t) => t.text).join(''), reply.text, 'the final text equals the concatenated tokens');
    assert.ok(lastTokenAt !== undefined && lastTokenAt <= settledAt, 'every token arrived before the final change');
    assert.equal(reply.personaVersion, null);
    assert.deepEqual(reply.sourceIds, []);
    assert.equal(reply.model, 'transformers.js:llm-tiny-random');
    assert.equal(reply.completionTokens, 400);
    assert.ok(reply.promptTokens > 20);
  });

  it("brings the person's relevant passage into the prompt: the recorded source ids name it", async () => {
    const chat = await rig.openChat(trained.avatarId);
    const { messageId } = await chat.send('Кто такой Вержбицкий и что он объяснял про мыльные пузыри?');
    const { message } = await chat.settled(messageId);
    assert.equal(message.replyState, 'REPLIED', JSON.stringify(message.failure));
    assert.equal(message.reply?.personaVersion, trained.version);
    assert.ok(
      message.reply?.sourceIds.includes(passageId(trained.lectureId, rarePassage)),
      `the Вержбицкий passage is among ${JSON.stringify(message.reply?.sourceIds)}`,
    );
    assert.ok(
      message.reply?.sourceIds.some((id) => id.startsWith(`${trained.chatExportId}:`)),
      'style exemplars (dialogue pairs) are in the prompt too',
    );
  });

  it('cancelReply stops a running generation promptly', async () => {
    const chat = await rig.openChat(trained.avatarId);
    const { messageId } = await chat.send('Расскажи длинную историю про оптику');
    const started = Date.now();
    while (chat.tokensOf(messageId).length < 3) {
      if (Date.now() - started > 30_000) assert.fail('no tokens arrived');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const cancelledAt = performance.now();
    await chat.cancel(messageId);
    const cancelRecordedAt = performance.now();
    const { message } = await chat.settled(messageId);
    assert.equal(message.replyState, 'CANCELLED');
    assert.equal(message.reply, null);
    // The worker stops within a poll of the chat stream (100 ms): no token comes long after the cancel.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const lastTokenAt = chat.lastTokenAt(messageId) ?? 0;
    assert.ok(
      lastTokenAt - cancelRecordedAt < 500,
      `the last piece came ${Math.round(lastTokenAt - cancelRecordedAt)} ms after the cancel was recorded`,
    );
    assert.ok(chat.tokensOf(messageId).at(-1)?.done, 'the stream ends with done');
    assert.ok(performance.now() - cancelledAt < 5000);
    const [stored] = (await chat.messages()).filter((m) => m.id === messageId);
    assert.equal(stored?.replyState, 'CANCELLED', 'and no reply was recorded after all');
  });

  it('a new message in the chat supersedes the running reply', async () => {
    const chat = await rig.openChat(trained.avatarId);
    const first = await chat.send('Первый вопрос про линзы');
    while (chat.tokensOf(first.messageId).length < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    const second = await chat.send('Нет, лучше про призму');
    const [a, b] = [await chat.settled(first.messageId), await chat.settled(second.messageId)];
    assert.equal(a.message.replyState, 'FAILED');
    assert.equal(a.message.failure?.code, 'SUPERSEDED');
    assert.equal(b.message.replyState, 'REPLIED');
  });

  it('remembers what was said long before the history the prompt holds', async () => {
    const chat = await rig.openChat(trained.avatarId);
    const early = await chat.send('Запомни: мою собаку зовут Барбос.');
    // 21 more messages sent at once (each supersedes the one before): the early one falls out of the last 20 turns.
    let last = early;
    for (let i = 0; i < 21; i++) last = await chat.send(`Сообщение номер ${i} про линзы и призмы`);
    await chat.settled(last.messageId);
    const { messageId } = await chat.send('Как зовут мою собаку?');
    const { message } = await chat.settled(messageId);
    assert.equal(message.replyState, 'REPLIED', JSON.stringify(message.failure));
    assert.ok(
      message.reply?.sourceIds.includes(`message:${early.messageId}`),
      JSON.stringify(message.reply?.sourceIds),
    );
  });

  it('rollback changes the persona version replies use', async () => {
    const v2 = await rig.train(trained.avatarId, { targetPassageChars: 50, holdOutShare: 0 });
    assert.equal(v2, trained.version + 1);
    const chat = await rig.openChat(trained.avatarId);
    const onV2 = await chat.settled((await chat.send('Что такое поляризация?')).messageId);
    assert.equal(onV2.message.reply?.personaVersion, v2);
    await rig.activate(trained.avatarId, trained.version);
    const onV1 = await chat.settled((await chat.send('А призма что делает?')).messageId);
    assert.equal(onV1.message.reply?.personaVersion, trained.version);
  });
});

describe('replies end to end: no LLM installed (the retrieval responder)', () => {
  let rig: Rig;
  let trained: Awaited<ReturnType<typeof trainedAvatar>>;
  before(async () => {
    rig = await openReplyRig('replies-retrieval', { BISHOP_LLM_MODEL: 'llm-not-installed' });
    trained = await trainedAvatar(rig, 'Анна');
  });
  after(() => rig?.stop());

  it('says on /readyz that it answers with the person’s own words, and why', async () => {
    const ready = await rig.readiness();
    assert.equal(ready.status, 'ready');
    assert.match(
      ready.checks.replies?.detail ?? '',
      /^retrieval: the person’s own past replies, because no LLM is installed \(the language model llm-not-installed is not installed/,
    );
  });

  it("answers with the person's own reply to the most similar past message, streamed word by word", async () => {
    const chat = await rig.openChat(trained.avatarId);
    const { messageId } = await chat.send('А комету Галлея ты видела?');
    const { message, tokens } = await chat.settled(messageId);
    assert.equal(message.replyState, 'REPLIED', JSON.stringify(message.failure));
    assert.equal(message.reply?.text, 'Видела в восемьдесят шестом, с крыши общежития, до сих пор помню');
    assert.equal(tokens.map((t) => t.text).join(''), message.reply?.text);
    assert.ok(tokens.length >= 8);
    assert.equal(message.reply?.model, 'retrieval');
    assert.equal(message.reply?.personaVersion, trained.version);
    assert.equal(message.reply?.sourceIds.length, 1);
    assert.ok(message.reply?.sourceIds[0]?.startsWith(`${trained.chatExportId}:`));
  });

  it('answers in English too', async () => {
    const chat = await rig.openChat(trained.avatarId);
    const { message } = await chat.settled((await chat.send('How was your conference last week?')).messageId);
    assert.equal(message.reply?.text, 'Great, lots of questions about optics');
  });

  it('fails an untrained avatar with a reason a person understands', async () => {
    const chat = await rig.openChat(await rig.createAvatar('Новый'));
    const { message } = await chat.settled((await chat.send('Привет')).messageId);
    assert.equal(message.replyState, 'FAILED');
    assert.equal(message.failure?.code, 'NOT_TRAINED');
    assert.match(message.failure?.reason ?? '', /has not been trained yet.*train it first/);
  });
});
