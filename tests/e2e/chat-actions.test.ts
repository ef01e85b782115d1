import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eventually } from '../src/async.ts';
import { openReplyRig, telegramExport } from '../src/reply-rig.ts';

type Rig = Awaited<ReturnType<typeof openReplyRig>>;

const lecture = [
  'Свет — это электромагнитная волна; глаз различает длины волн от четырёхсот до семисот нанометров.',
  'Призма раскладывает белый свет в спектр, как это впервые показал Ньютон в своих опытах.',
].join('\n\n');

const exchanges = [
  ['Будешь чай?', 'Буду, только без сахара, пожалуйста'],
  ['Ты видела комету Галлея?', 'Видела в восемьдесят шестом, с крыши общежития, до сих пор помню'],
  ['Ты помнишь комету?', 'Комету помню плохо, но небо было чудесное'],
  ['Что делаешь на выходных?', 'Поеду на дачу, там тёмное небо, возьму телескоп'],
] as const;

const REPLY = `id text rating closeness lowConfidence repliedAt
  sources { id kind text prompt startSec saidAt material { id fileName } }`;
const MESSAGE = `id text editedAt deletedAt replyState reply { ${REPLY} } replies { id text }`;

/**
 * Regenerating, choosing, rating, editing and deleting, cited sources, the low-confidence marker, automatic
 * titles and search, over real HTTP against `bishop start` answering with the retrieval responder.
 */
describe('chat actions end to end (retrieval responder)', () => {
  let rig: Rig;
  let avatarId: string;
  let version: number;
  before(async () => {
    rig = await openReplyRig('chat-actions', { BISHOP_LLM_MODEL: 'llm-not-installed' });
    avatarId = await rig.createAvatar('Анна');
    const ids = await rig.upload(avatarId, [
      { name: 'lecture.txt', text: lecture },
      { name: 'result.json', text: telegramExport('Анна Петрова', 'Борис', exchanges) },
    ]);
    await rig.chooseParticipant(avatarId, ids['result.json'] as string, 'Анна Петрова');
    version = await rig.train(avatarId, { targetPassageChars: 50, holdOutShare: 0 });
  });
  after(async () => {
    if (process.env.BISHOP_TEST_OUTPUT) process.stderr.write(rig?.bishop.output() ?? '');
    await rig?.stop();
  });

  type Message = Record<string, any>;
  const openUntitled = async (a = avatarId) =>
    (await rig.call('mutation($a: ID!) { openChat(avatarId: $a) { chatId chat { title untitled } } }', { a })).openChat;
  const send = async (chatId: string, text: string): Promise<string> =>
    (
      await rig.call('mutation($c: ID!, $t: String!) { sendMessage(chatId: $c, text: $t) { messageId } }', {
        c: chatId,
        t: text,
      })
    ).sendMessage.messageId;
  const messageOf = async (chatId: string, messageId: string): Promise<Message | undefined> =>
    (
      await rig.call(`query($c: ID!) { chat(id: $c) { messages(first: 100) { nodes { ${MESSAGE} } } } }`, { c: chatId })
    ).chat.messages.nodes.find((m: Message) => m.id === messageId);
  /** Polls the read model until the message satisfies `done`. */
  async function until(chatId: string, messageId: string, done: (m: Message) => boolean): Promise<Message> {
    let found: Message | undefined;
    await eventually(async () => {
      found = await messageOf(chatId, messageId);
      return found !== undefined && done(found);
    }, 60_000);
    return found as Message;
  }
  const replied = (m: Message) => m.replyState === 'REPLIED';

  it('names a chat opened without a title by its first message', async () => {
    const opened = await openUntitled();
    assert.deepEqual(opened.chat, { title: null, untitled: true });
    const messageId = await send(opened.chatId, 'Будешь чай сегодня вечером?\nИли кофе?');
    await until(opened.chatId, messageId, () => true);
    const chat = (await rig.call('query($c: ID!) { chat(id: $c) { title untitled } }', { c: opened.chatId })).chat;
    assert.deepEqual(chat, { title: 'Будешь чай сегодня вечером?', untitled: false });
  });

  it('regenerates a reply, keeps the first as an alternative, switches back, and rates it', async () => {
    const { chatId } = await openUntitled();
    const messageId = await send(chatId, 'Ты видела комету Галлея?');
    const first = await until(chatId, messageId, replied);
    // The sources say what the reply drew on: the person's past reply, in which material, to what.
    const [source] = first.reply.sources;
    assert.equal(source.kind, 'PAIR');
    assert.equal(source.material.fileName, 'result.json');
    assert.equal(source.prompt, 'Ты видела комету Галлея?');
    assert.equal(source.text, first.reply.text);
    assert.ok(first.reply.closeness >= 0.5, `a close match: ${first.reply.closeness}`);
    assert.equal(first.reply.lowConfidence, false);

    await rig.call('mutation($c: ID!, $m: ID!) { regenerateReply(chatId: $c, messageId: $m) { position } }', {
      c: chatId,
      m: messageId,
    });
    const second = await until(chatId, messageId, (m) => replied(m) && m.replies.length === 2);
    assert.notEqual(second.reply.id, first.reply.id);
    assert.notEqual(second.reply.text, first.reply.text, 'retrieval offers another of the person’s replies');
    assert.deepEqual(
      second.replies.map((r: Message) => r.id),
      [first.reply.id, second.reply.id],
    );

    await rig.call(
      'mutation($c: ID!, $m: ID!, $r: ID!) { chooseReply(chatId: $c, messageId: $m, replyId: $r) { position } }',
      {
        c: chatId,
        m: messageId,
        r: first.reply.id,
      },
    );
    await until(chatId, messageId, (m) => m.reply.id === first.reply.id);

    await rig.call('mutation($c: ID!, $r: ID!) { rateReply(chatId: $c, replyId: $r, rating: UP) { position } }', {
      c: chatId,
      r: first.reply.id,
    });
    await rig.call('mutation($c: ID!, $r: ID!) { rateReply(chatId: $c, replyId: $r, rating: DOWN) { position } }', {
      c: chatId,
      r: second.reply.id,
    });
    const rated = await until(chatId, messageId, (m) => m.reply.rating === 'UP');
    assert.equal(rated.reply.id, first.reply.id);
    // The ratings count as user feedback per persona version, the alternative's too, and show in the history.
    await eventually(async () => {
      const read = await rig.call('query($a: ID!) { avatar(id: $a) { replyFeedback { personaVersion up down } } }', {
        a: avatarId,
      });
      return (
        JSON.stringify(read.avatar.replyFeedback) === JSON.stringify([{ personaVersion: version, up: 1, down: 1 }])
      );
    }, 10_000);
    const timeline = await rig.call('query($a: ID!) { avatar(id: $a) { timeline(first: 50) { nodes { summary } } } }', {
      a: avatarId,
    });
    const summaries = timeline.avatar.timeline.nodes.map((n: { summary: string }) => n.summary);
    assert.ok(summaries.includes(`Reply rated good (thumbs up) (persona version ${version})`), summaries.join('\n'));
  });

  it('edits a message: the reply is made again for the new words; deleting takes it back', async () => {
    const { chatId } = await openUntitled();
    const messageId = await send(chatId, 'Что делаешь на выходных?');
    await until(chatId, messageId, replied);
    await rig.call(
      'mutation($c: ID!, $m: ID!, $t: String!) { editMessage(chatId: $c, messageId: $m, text: $t) { position } }',
      {
        c: chatId,
        m: messageId,
        t: 'Будешь чай?',
      },
    );
    const edited = await until(chatId, messageId, (m) => replied(m) && m.text === 'Будешь чай?');
    assert.equal(edited.reply.text, 'Буду, только без сахара, пожалуйста');
    assert.ok(edited.editedAt);
    assert.equal(edited.replies.length, 1, 'the replies to the old words are gone');

    // Search finds it across the avatar's chats.
    const found = await rig.call(
      'query($a: ID!, $t: String!) { searchChats(avatarId: $a, text: $t) { chatId message { id } } }',
      {
        a: avatarId,
        t: 'БЕЗ САХАРА',
      },
    );
    assert.ok(found.searchChats.some((hit: Message) => hit.message.id === messageId && hit.chatId === chatId));

    await rig.call('mutation($c: ID!, $m: ID!) { deleteMessage(chatId: $c, messageId: $m) { position } }', {
      c: chatId,
      m: messageId,
    });
    await eventually(async () => (await messageOf(chatId, messageId)) === undefined, 10_000);
    const chat = (await rig.call('query($c: ID!) { chat(id: $c) { messageCount } }', { c: chatId })).chat;
    assert.equal(chat.messageCount, 0);
    const after = await rig.call(
      'query($a: ID!, $t: String!) { searchChats(avatarId: $a, text: $t) { message { id } } }',
      {
        a: avatarId,
        t: 'без сахара',
      },
    );
    assert.ok(
      !after.searchChats.some((hit: Message) => hit.message.id === messageId),
      'a deleted message is not found',
    );
  });

  it('refuses to edit a message through another chat', async () => {
    const { chatId } = await openUntitled();
    const messageId = await send(chatId, 'Будешь чай?');
    await until(chatId, messageId, replied);
    const other = await openUntitled();
    await assert.rejects(
      rig.call('mutation($c: ID!, $m: ID!) { editMessage(chatId: $c, messageId: $m, text: "x") { position } }', {
        c: other.chatId,
        m: messageId,
      }),
      /NOT_FOUND/,
    );
  });

  it('marks a reply as low-confidence when nothing close was found: an English question, Russian words only', async () => {
    const russianOnly = await rig.createAvatar('Только лекция');
    await rig.upload(russianOnly, [{ name: 'lecture.txt', text: lecture }]);
    await rig.train(russianOnly, { targetPassageChars: 50, holdOutShare: 0 });
    const { chatId } = await openUntitled(russianOnly);
    const messageId = await send(chatId, 'What is the weather like on Mars today?');
    const message = await until(chatId, messageId, replied);
    assert.equal(message.reply.closeness, 0);
    assert.equal(message.reply.lowConfidence, true);
    assert.equal(message.reply.sources[0]?.kind, 'PASSAGE');
    assert.equal(message.reply.sources[0]?.material.fileName, 'lecture.txt');
  });
});
