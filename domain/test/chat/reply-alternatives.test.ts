import { describe, it } from 'node:test';
import type { ChatEvent } from '../../src/chat/chat.events.ts';
import { AVATAR, CHAT, id, OWNER } from '../support/ids.ts';
import {
  asWorker,
  awaitingReply,
  chatCommand,
  chatSpec,
  liveAvatar,
  MESSAGE,
  messageSent,
  REPLY,
  replied,
  reply,
  replyGenerated,
} from './support.ts';

const SECOND = id(72);
const avatar = liveAvatar;
const regenerate = (messageId = MESSAGE) => chatCommand('RegenerateReply', { messageId, avatar });
const choose = (replyId: string) => chatCommand('ChooseReply', { messageId: MESSAGE, replyId, avatar });
const rate = (rating: 'up' | 'down' | null, replyId = REPLY) => chatCommand('RateReply', { replyId, rating, avatar });
const edit = (text: string) => chatCommand('EditMessage', { messageId: MESSAGE, text, avatar });
const remove = (messageId = MESSAGE) => chatCommand('DeleteMessage', { messageId, avatar });
const record = (replyId: string) =>
  chatCommand('RecordReply', { ...reply({ replyId, text: 'Another answer' }), avatar }, asWorker);

const regenerationAsked: ChatEvent = { type: 'ReplyRegenerationRequested', data: { messageId: MESSAGE } };
const secondReply = replyGenerated(reply({ replyId: SECOND, text: 'Another answer' }));
/** The message got REPLY, was asked again, and got SECOND. */
const twoReplies: ChatEvent[] = [...replied, regenerationAsked, secondReply];
const rated = (rating: 'up' | 'down' | null, replyId = REPLY): ChatEvent => ({
  type: 'ReplyRated',
  data: { messageId: MESSAGE, replyId, rating, personaVersion: 1 },
});
const edited: ChatEvent = { type: 'MessageEdited', data: { messageId: MESSAGE, text: 'What is enthalpy?' } };
const deleted: ChatEvent = { type: 'MessageDeleted', data: { messageId: MESSAGE } };

describe('regenerating, choosing, rating, editing and deleting', () => {
  describe('given a replied message', () => {
    it('asks for another reply', () => {
      chatSpec.given(replied).when(regenerate()).then([regenerationAsked]);
    });

    it('records the new reply next to the first one', () => {
      chatSpec
        .given([...replied, regenerationAsked])
        .when(record(SECOND))
        .then([secondReply]);
    });

    it('rates a reply, changes the rating, takes it back, and ignores the same rating twice', () => {
      chatSpec
        .given(replied)
        .when(rate('up'))
        .then([rated('up')]);
      chatSpec
        .given([...replied, rated('up')])
        .when(rate('down'))
        .then([rated('down')]);
      chatSpec
        .given([...replied, rated('down')])
        .when(rate(null))
        .then([rated(null)]);
      chatSpec
        .given([...replied, rated('up')])
        .when(rate('up'))
        .then([]);
    });

    it('rejects a rating that is not up or down', () => {
      chatSpec
        .given(replied)
        .when(rate('meh' as 'up'))
        .thenThrows('BISHOP_ERR_INVALID_VALUE');
    });

    it('edits the message: a new reply is asked for', () => {
      chatSpec.given(replied).when(edit('  What is enthalpy? ')).then([edited]);
    });

    it('changes nothing when the edit keeps the same words', () => {
      chatSpec.given(replied).when(edit('What is entropy?')).then([]);
    });

    it('deletes the message', () => {
      chatSpec.given(replied).when(remove()).then([deleted]);
    });
  });

  describe('given two replies to one message', () => {
    it('switches back to the first, and choosing the one shown changes nothing', () => {
      chatSpec
        .given(twoReplies)
        .when(choose(REPLY))
        .then([{ type: 'ReplyChosen', data: { messageId: MESSAGE, replyId: REPLY } }]);
      chatSpec.given(twoReplies).when(choose(SECOND)).then([]);
    });

    it('rates the earlier alternative too', () => {
      chatSpec
        .given(twoReplies)
        .when(rate('down'))
        .then([rated('down')]);
    });

    it('rejects choosing a reply of another message', () => {
      chatSpec
        .given([...twoReplies, messageSent(id(62)), replyGenerated(reply({ messageId: id(62), replyId: id(73) }))])
        .when(choose(id(73)))
        .thenThrows('BISHOP_ERR_NOT_FOUND');
    });
  });

  describe('while the reply is being made', () => {
    for (const [what, command] of [
      ['asking again', regenerate()],
      ['editing', edit('Other words')],
    ] as const) {
      it(`rejects ${what}: wait or stop first`, () => {
        chatSpec.given(awaitingReply).when(command).thenThrows('BISHOP_ERR_INVALID_STATE');
      });
    }

    it('deletes the message, and the reply that lands afterwards is refused', () => {
      chatSpec.given(awaitingReply).when(remove()).then([deleted]);
      chatSpec
        .given([...awaitingReply, deleted])
        .when(chatCommand('RecordReply', { ...reply(), avatar }, asWorker))
        .thenThrows('BISHOP_ERR_INVALID_STATE');
    });
  });

  describe('after an edit', () => {
    it('the replies to the old words can no longer be rated or chosen', () => {
      chatSpec
        .given([...twoReplies, edited])
        .when(rate('up'))
        .thenThrows('BISHOP_ERR_NOT_FOUND');
      chatSpec
        .given([...twoReplies, edited, replyGenerated(reply({ replyId: id(74) }))])
        .when(choose(REPLY))
        .thenThrows('BISHOP_ERR_NOT_FOUND');
    });
  });

  describe('after a delete', () => {
    for (const [what, command] of [
      ['asking again', regenerate()],
      ['editing', edit('Other words')],
      ['deleting again', remove()],
    ] as const) {
      it(`rejects ${what}`, () => {
        chatSpec
          .given([...replied, deleted])
          .when(command)
          .thenThrows('BISHOP_ERR_DELETED');
      });
    }
  });

  it('keeps at most 10 replies per message', () => {
    const asked = Array.from({ length: 9 }, (_, n): ChatEvent[] => [
      regenerationAsked,
      replyGenerated(reply({ replyId: id(100 + n) })),
    ]).flat();
    chatSpec
      .given([...replied, ...asked])
      .when(regenerate())
      .thenThrows('BISHOP_ERR_LIMIT_EXCEEDED');
  });
});

describe('a chat opened without a title', () => {
  const untitled: ChatEvent = {
    type: 'ChatOpened',
    data: { chatId: CHAT, avatarId: AVATAR, ownerId: OWNER, title: null, personaVersion: null },
  };
  const send = (text: string, messageId = MESSAGE) => chatCommand('SendMessage', { messageId, text, avatar });

  it('is opened untitled', () => {
    chatSpec
      .given([])
      .when(chatCommand('OpenChat', { chatId: CHAT, avatarId: AVATAR, avatar }))
      .then([untitled]);
  });

  it('takes the first line of the first message as its title', () => {
    chatSpec
      .given([untitled])
      .when(send('  Как прошла лекция?\nИ что спрашивали?'))
      .then([
        messageSent(MESSAGE, 'Как прошла лекция?\nИ что спрашивали?'),
        { type: 'ChatRenamed', data: { title: 'Как прошла лекция?' } },
      ]);
  });

  it('cuts a long first message at a word, about a line long', () => {
    const text = 'Tell me everything you remember about the radio lectures you gave at the polytechnic in spring';
    chatSpec
      .given([untitled])
      .when(send(text))
      .then([
        messageSent(MESSAGE, text),
        { type: 'ChatRenamed', data: { title: 'Tell me everything you remember about the radio lectures…' } },
      ]);
  });

  it('keeps its title after that, and a chat with a title is never renamed by a message', () => {
    chatSpec
      .given([untitled, messageSent(), { type: 'ChatRenamed', data: { title: 'What is entropy?' } }])
      .when(send('And time?', id(62)))
      .then([messageSent(id(62), 'And time?')]);
    chatSpec
      .given(awaitingReply)
      .when(send('And time?', id(62)))
      .then([messageSent(id(62), 'And time?')]);
  });
});
