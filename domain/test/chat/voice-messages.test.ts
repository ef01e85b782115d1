import { describe, it } from 'node:test';
import type { ChatEvent, VoiceAudio, VoiceTranscript } from '../../src/chat/chat.events.ts';
import { id, sha } from '../support/ids.ts';
import {
  asWorker,
  chatCommand,
  chatDeleted,
  chatSpec,
  liveAvatar,
  MESSAGE,
  opened,
  REPLY,
  reply,
  replyGenerated,
} from './support.ts';

const CALL = id(81);
const audio: VoiceAudio = {
  blobKey: `avatars/${id(10)}/chats/${id(30)}/voice/${MESSAGE}`,
  mediaType: 'audio/webm',
  sizeBytes: 24_000,
  sha256: sha(5),
};
const transcript = (overrides: Partial<VoiceTranscript> = {}): VoiceTranscript => ({
  messageId: MESSAGE,
  text: 'What is entropy?',
  language: 'en',
  durationSec: 1.8,
  segments: [{ startSec: 0.2, endSec: 1.6, text: 'What is entropy?' }],
  ...overrides,
});
const send = (callId: string | null = null, data: Partial<VoiceAudio> = {}) =>
  chatCommand('SendVoiceMessage', { messageId: MESSAGE, audio: { ...audio, ...data }, callId, avatar: liveAvatar });
const record = (data = transcript()) => chatCommand('RecordVoiceTranscript', { ...data, avatar: liveAvatar }, asWorker);
const noSpeech = { reasonCode: 'NO_SPEECH', reason: 'No speech was heard in the voice message' };
const fail = () =>
  chatCommand('FailVoiceTranscript', { messageId: MESSAGE, ...noSpeech, avatar: liveAvatar }, asWorker);

const sent = (callId: string | null = null): ChatEvent => ({
  type: 'VoiceMessageSent',
  data: { messageId: MESSAGE, audio, callId },
});
const transcribed: ChatEvent = { type: 'VoiceMessageTranscribed', data: transcript() };
const failed: ChatEvent = { type: 'VoiceMessageTranscriptionFailed', data: { messageId: MESSAGE, ...noSpeech } };
const callStarted: ChatEvent = { type: 'CallStarted', data: { callId: CALL, voice: 'generic' } };
const end = { callId: CALL, reasonCode: 'HUNG_UP', reason: 'The user hung up', turns: 2, durationSec: 31.5 };
const callEnded: ChatEvent = { type: 'CallEnded', data: end };

describe('voice messages', () => {
  describe('when the chat is open', () => {
    it('records a voice message that awaits its transcript', () => {
      chatSpec.given([opened]).when(send()).then([sent()]);
    });

    it('refuses a recording that is not audio', () => {
      chatSpec
        .given([opened])
        .when(send(null, { mediaType: 'text/html' }))
        .thenThrows('BISHOP_ERR_INVALID_VALUE');
    });

    it('refuses a turn of a call that is not going on', () => {
      chatSpec.given([opened]).when(send(CALL)).thenThrows('BISHOP_ERR_INVALID_STATE');
      chatSpec.given([opened, callStarted, callEnded]).when(send(CALL)).thenThrows('BISHOP_ERR_INVALID_STATE');
    });

    it('records a turn of a call that is going on', () => {
      chatSpec
        .given([opened, callStarted])
        .when(send(CALL))
        .then([sent(CALL)]);
    });
  });

  describe('when it awaits its transcript', () => {
    it('records the transcript with its timed segments', () => {
      chatSpec.given([opened, sent()]).when(record()).then([transcribed]);
    });

    it('treats the same transcript again as a redelivery, another one as a conflict', () => {
      chatSpec.given([opened, sent(), transcribed]).when(record()).then([]);
      chatSpec
        .given([opened, sent(), transcribed])
        .when(record(transcript({ text: 'Something else' })))
        .thenThrows('BISHOP_ERR_INVALID_STATE');
    });

    it('refuses segments that end before they start', () => {
      chatSpec
        .given([opened, sent()])
        .when(record(transcript({ segments: [{ startSec: 2, endSec: 1, text: 'x' }] })))
        .thenThrows('BISHOP_ERR_INVALID_VALUE');
    });

    it('fails with a reason when no words were heard', () => {
      chatSpec.given([opened, sent()]).when(fail()).then([failed]);
      chatSpec.given([opened, sent(), failed]).when(fail()).then([]);
      chatSpec.given([opened, sent(), failed]).when(record()).thenThrows('BISHOP_ERR_INVALID_STATE');
    });

    it('is not answered before its transcript', () => {
      chatSpec
        .given([opened, sent()])
        .when(chatCommand('RecordReply', { ...reply(), avatar: liveAvatar }, asWorker))
        .thenThrows('BISHOP_ERR_INVALID_STATE');
    });

    it('is answered like a typed message once transcribed', () => {
      chatSpec
        .given([opened, sent(), transcribed])
        .when(chatCommand('RecordReply', { ...reply(), avatar: liveAvatar }, asWorker))
        .then([replyGenerated()]);
    });

    it('refuses a transcript of a message that is not a voice message', () => {
      chatSpec.given([opened]).when(record()).thenThrows('BISHOP_ERR_NOT_FOUND');
    });
  });

  describe('when the chat was deleted', () => {
    it('refuses a voice message', () => {
      chatSpec.given([opened, chatDeleted]).when(send()).thenThrows('BISHOP_ERR_DELETED');
    });
  });
});

describe('calls', () => {
  const start = () => chatCommand('StartCall', { callId: CALL, voice: 'generic', avatar: liveAvatar });
  const hangUp = (data = end) => chatCommand('EndCall', { ...data, avatar: liveAvatar });
  const cut = { replyId: REPLY, heardSec: 1.2, spokenSec: 3.4, heardText: 'Entropy, my friend,' };
  const cutReply = (data = cut) => chatCommand('CutReply', { ...data, avatar: liveAvatar }, asWorker);
  const answeredTurn: ChatEvent[] = [opened, callStarted, sent(CALL), transcribed, replyGenerated()];

  it('starts a call in a chosen voice, once', () => {
    chatSpec.given([opened]).when(start()).then([callStarted]);
    chatSpec.given([opened, callStarted]).when(start()).thenThrows('BISHOP_ERR_ALREADY_EXISTS');
  });

  it('ends a call once; the same end again is a repeat', () => {
    chatSpec.given([opened, callStarted]).when(hangUp()).then([callEnded]);
    chatSpec.given([opened, callStarted, callEnded]).when(hangUp()).then([]);
    chatSpec
      .given([opened, callStarted, callEnded])
      .when(hangUp({ ...end, reasonCode: 'IDLE' }))
      .thenThrows('BISHOP_ERR_INVALID_STATE');
    chatSpec.given([opened]).when(hangUp()).thenThrows('BISHOP_ERR_NOT_FOUND');
  });

  it('records where a reply was cut by the user speaking (barge-in), once', () => {
    chatSpec
      .given(answeredTurn)
      .when(cutReply())
      .then([{ type: 'ReplyCut', data: cut }]);
    chatSpec
      .given([...answeredTurn, { type: 'ReplyCut', data: cut }])
      .when(cutReply())
      .then([]);
  });

  it('refuses a cut heard past what was spoken, or of an unknown reply', () => {
    chatSpec
      .given(answeredTurn)
      .when(cutReply({ ...cut, heardSec: 5 }))
      .thenThrows('BISHOP_ERR_INVALID_VALUE');
    chatSpec
      .given(answeredTurn)
      .when(cutReply({ ...cut, replyId: id(99) }))
      .thenThrows('BISHOP_ERR_NOT_FOUND');
  });
});
