import { describe, it } from 'node:test';
import type { ChatEvent, Reply } from '../../src/chat/chat.events.ts';
import { id } from '../support/ids.ts';
import {
  asWorker,
  awaitingReply,
  chatCommand,
  chatSpec,
  liveAvatar,
  MESSAGE,
  messageSent,
  opened,
  REPLY,
  replied,
  reply,
  replyGenerated,
} from './support.ts';

const send = (text: string, messageId = MESSAGE) => chatCommand('SendMessage', { messageId, text, avatar: liveAvatar });
const record = (data: Reply = reply()) => chatCommand('RecordReply', { ...data, avatar: liveAvatar }, asWorker);
const llmDown = { reasonCode: 'LLM_UNAVAILABLE', reason: 'The language model did not answer in time.' };
const fail = (messageId = MESSAGE) => chatCommand('FailReply', { messageId, ...llmDown, avatar: liveAvatar }, asWorker);
const failed: ChatEvent = { type: 'ReplyFailed', data: { messageId: MESSAGE, ...llmDown } };
const cancel = (messageId = MESSAGE) => chatCommand('CancelReply', { messageId, avatar: liveAvatar });
const cancelled: ChatEvent = {
  type: 'ReplyFailed',
  data: { messageId: MESSAGE, reasonCode: 'CANCELLED', reason: 'The reply was cancelled' },
};

describe('messages and replies', () => {
  describe('sending', () => {
    it('records a multi-line message', () => {
      chatSpec
        .given([opened])
        .when(send('  What is entropy?\n\tAnd why does it grow?  '))
        .then([messageSent(MESSAGE, 'What is entropy?\n\tAnd why does it grow?')]);
    });

    it('sends another message while a reply is pending', () => {
      chatSpec
        .given(awaitingReply)
        .when(send('And time?', id(62)))
        .then([messageSent(id(62), 'And time?')]);
    });

    it('accepts a message of 8000 characters', () => {
      chatSpec
        .given([opened])
        .when(send('я'.repeat(8000)))
        .then([messageSent(MESSAGE, 'я'.repeat(8000))]);
    });

    const badTexts: [string, string, string][] = [
      ['an empty message', ' \n ', 'BISHOP_ERR_TEXT_REQUIRED'],
      ['a message over 8000 characters', 'x'.repeat(8001), 'BISHOP_ERR_TEXT_TOO_LONG'],
      ['a message with a control character', 'hi\u001b[31m', 'BISHOP_ERR_TEXT_CONTROL_CHARACTERS'],
      ['a message that is not valid UTF-8', 'hi \ud800', 'BISHOP_ERR_TEXT_INVALID_UTF8'],
      ['a message with the replacement character', 'hi \ufffd', 'BISHOP_ERR_TEXT_INVALID_UTF8'],
    ];
    for (const [what, text, code] of badTexts) {
      it(`rejects ${what}`, () => {
        chatSpec
          .given([opened])
          .when(send(text))
          .thenThrows(code as 'BISHOP_ERR_TEXT_REQUIRED');
      });
    }

    it('rejects a message id used before', () => {
      chatSpec.given(awaitingReply).when(send('again')).thenThrows('BISHOP_ERR_ALREADY_EXISTS');
    });

    it('rejects a bad message id', () => {
      chatSpec.given([opened]).when(send('hi', 'm1')).thenThrows('BISHOP_ERR_INVALID_ID');
    });
  });

  describe('when a reply is awaited', () => {
    it('records the reply', () => {
      chatSpec.given(awaitingReply).when(record()).then([replyGenerated()]);
    });

    it('records a reply made without a persona version', () => {
      const retrieval = reply({ personaVersion: null, model: 'retrieval', sourceIds: [] });
      chatSpec
        .given(awaitingReply)
        .when(record(retrieval))
        .then([replyGenerated(retrieval)]);
    });

    it('records a failure', () => {
      chatSpec.given(awaitingReply).when(fail()).then([failed]);
    });

    it('records a cancel as a failure coded CANCELLED', () => {
      chatSpec.given(awaitingReply).when(cancel()).then([cancelled]);
    });

    it('rejects a reply to an unknown message', () => {
      chatSpec
        .given(awaitingReply)
        .when(record(reply({ messageId: id(69) })))
        .thenThrows('BISHOP_ERR_NOT_FOUND');
    });

    it('rejects cancelling an unknown message', () => {
      chatSpec
        .given(awaitingReply)
        .when(cancel(id(69)))
        .thenThrows('BISHOP_ERR_NOT_FOUND');
    });

    const badReplies: [string, Partial<Reply>, string][] = [
      ['an empty reply', { text: '' }, 'BISHOP_ERR_TEXT_REQUIRED'],
      ['a reply over 32000 characters', { text: 'x'.repeat(32_001) }, 'BISHOP_ERR_TEXT_TOO_LONG'],
      ['negative latency', { latencyMs: -1 }, 'BISHOP_ERR_INVALID_VALUE'],
      ['fractional token counts', { promptTokens: 1.5 }, 'BISHOP_ERR_INVALID_VALUE'],
      ['persona version 0', { personaVersion: 0 }, 'BISHOP_ERR_INVALID_VALUE'],
      ['an empty model name', { model: '' }, 'BISHOP_ERR_TEXT_REQUIRED'],
      [
        'more than 100 sources',
        { sourceIds: Array.from({ length: 101 }, (_, i) => `c${i}`) },
        'BISHOP_ERR_INVALID_VALUE',
      ],
      ['a bad reply id', { replyId: 'r1' }, 'BISHOP_ERR_INVALID_ID'],
    ];
    for (const [what, overrides, code] of badReplies) {
      it(`rejects ${what}`, () => {
        chatSpec
          .given(awaitingReply)
          .when(record(reply(overrides)))
          .thenThrows(code as 'BISHOP_ERR_INVALID_VALUE');
      });
    }

    it('rejects a reply id another message already got', () => {
      chatSpec
        .given([...replied, messageSent(id(62))])
        .when(record(reply({ messageId: id(62) })))
        .thenThrows('BISHOP_ERR_ALREADY_EXISTS');
    });
  });

  describe('when replied', () => {
    it('ignores the same reply delivered again', () => {
      chatSpec.given(replied).when(record()).then([]);
    });

    it('rejects a second, different reply', () => {
      chatSpec
        .given(replied)
        .when(record(reply({ replyId: id(72), text: 'Something else.' })))
        .thenThrows('BISHOP_ERR_INVALID_STATE', /already been answered/);
    });

    it('rejects a failure after the reply', () => {
      chatSpec.given(replied).when(fail()).thenThrows('BISHOP_ERR_INVALID_STATE');
    });

    it('rejects a cancel after the reply', () => {
      chatSpec.given(replied).when(cancel()).thenThrows('BISHOP_ERR_INVALID_STATE');
    });
  });

  describe('when the reply failed', () => {
    it('ignores the same failure delivered again', () => {
      chatSpec
        .given([...awaitingReply, failed])
        .when(fail())
        .then([]);
    });

    it('ignores a second cancel', () => {
      chatSpec
        .given([...awaitingReply, cancelled])
        .when(cancel())
        .then([]);
    });

    it('rejects a late reply after a cancel', () => {
      chatSpec
        .given([...awaitingReply, cancelled])
        .when(record())
        .thenThrows('BISHOP_ERR_INVALID_STATE');
    });

    it('rejects a cancel after a failure', () => {
      chatSpec
        .given([...awaitingReply, failed])
        .when(cancel())
        .thenThrows('BISHOP_ERR_INVALID_STATE');
    });
  });

  it('keeps replies of different messages apart', () => {
    chatSpec
      .given([...replied, messageSent(id(62))])
      .when(record(reply({ messageId: id(62), replyId: id(72) })))
      .then([replyGenerated(reply({ messageId: id(62), replyId: id(72) }))]);
  });

  it('does not confuse a message id with a reply id', () => {
    chatSpec
      .given(replied)
      .when(chatCommand('FailReply', { messageId: REPLY, ...llmDown, avatar: liveAvatar }, asWorker))
      .thenThrows('BISHOP_ERR_NOT_FOUND');
  });
});
