import { describe, it } from 'node:test';
import type { ChatEvent, Dub } from '../../src/chat/chat.events.ts';
import { id } from '../support/ids.ts';
import { asWorker, awaitingReply, chatCommand, chatSpec, liveAvatar, MESSAGE, REPLY, replied } from './support.ts';

const dub = (overrides: Partial<Dub> = {}): Dub => ({
  replyId: REPLY,
  blobKey: `dubs/${REPLY}.ogg`,
  durationSec: 4.2,
  voice: 'cloned',
  ...overrides,
});
const recordDub = (data = dub()) => chatCommand('RecordDub', { ...data, avatar: liveAvatar }, asWorker);
const ttsDown = { reasonCode: 'TTS_UNAVAILABLE', reason: 'Voice synthesis is not running.' };
const failDub = (replyId = REPLY) => chatCommand('FailDub', { replyId, ...ttsDown, avatar: liveAvatar }, asWorker);
const dubReady: ChatEvent = { type: 'DubReady', data: dub() };
const dubFailed: ChatEvent = { type: 'DubFailed', data: { replyId: REPLY, ...ttsDown } };

describe('dubs', () => {
  describe('when the reply is generated', () => {
    it('records the spoken reply', () => {
      chatSpec.given(replied).when(recordDub()).then([dubReady]);
    });

    it('records a generic voice when no clone is possible', () => {
      chatSpec
        .given(replied)
        .when(recordDub(dub({ voice: 'generic' })))
        .then([{ type: 'DubReady', data: dub({ voice: 'generic' }) }]);
    });

    it('records a failure', () => {
      chatSpec.given(replied).when(failDub()).then([dubFailed]);
    });

    const badDubs: [string, Partial<Dub>][] = [
      ['an unknown voice', { voice: 'robot' as 'generic' }],
      ['a negative duration', { durationSec: -1 }],
      ['a bad blob key', { blobKey: '../dub.ogg' }],
    ];
    for (const [what, overrides] of badDubs) {
      it(`rejects ${what}`, () => {
        chatSpec
          .given(replied)
          .when(recordDub(dub(overrides)))
          .thenThrows('BISHOP_ERR_INVALID_VALUE');
      });
    }
  });

  describe('before the reply exists', () => {
    it('rejects a dub of a message still awaiting its reply', () => {
      chatSpec
        .given(awaitingReply)
        .when(recordDub(dub({ replyId: MESSAGE })))
        .thenThrows('BISHOP_ERR_NOT_FOUND');
    });

    it('rejects a dub of an unknown reply', () => {
      chatSpec
        .given(replied)
        .when(recordDub(dub({ replyId: id(79) })))
        .thenThrows('BISHOP_ERR_NOT_FOUND');
    });

    it('rejects a failed dub of an unknown reply', () => {
      chatSpec
        .given(replied)
        .when(failDub(id(79)))
        .thenThrows('BISHOP_ERR_NOT_FOUND');
    });
  });

  describe('when dubbed', () => {
    it('ignores the same dub delivered again', () => {
      chatSpec
        .given([...replied, dubReady])
        .when(recordDub())
        .then([]);
    });

    it('rejects a different dub', () => {
      chatSpec
        .given([...replied, dubReady])
        .when(recordDub(dub({ durationSec: 5 })))
        .thenThrows('BISHOP_ERR_INVALID_STATE');
    });

    it('rejects a failure after the dub', () => {
      chatSpec
        .given([...replied, dubReady])
        .when(failDub())
        .thenThrows('BISHOP_ERR_INVALID_STATE');
    });
  });

  describe('when the dub failed', () => {
    it('ignores the same failure delivered again', () => {
      chatSpec
        .given([...replied, dubFailed])
        .when(failDub())
        .then([]);
    });

    it('rejects a late dub', () => {
      chatSpec
        .given([...replied, dubFailed])
        .when(recordDub())
        .thenThrows('BISHOP_ERR_INVALID_STATE');
    });
  });
});
