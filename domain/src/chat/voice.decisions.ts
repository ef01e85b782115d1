import { DomainError } from '../kernel/errors.ts';
import { validFailure } from '../kernel/failure.ts';
import { validId } from '../kernel/ids.ts';
import { jsonEquals } from '../kernel/json.ts';
import type { FailVoiceTranscript, RecordVoiceTranscript, SendVoiceMessage } from './chat.commands.ts';
import type { VoiceMessageSent, VoiceMessageTranscribed, VoiceMessageTranscriptionFailed } from './chat.events.ts';
import type { ActiveChat, VoiceMessage } from './chat.state.ts';
import { validTranscript, validVoiceAudio } from './voice.validation.ts';

/** A voice message, sent on its own or as a turn of a call that is still going on. */
export function sendVoiceMessage({ data }: SendVoiceMessage, chat: ActiveChat): VoiceMessageSent[] {
  const messageId = validId(data.messageId, 'Message id');
  const audio = validVoiceAudio(data.audio);
  const callId = data.callId === null ? null : validId(data.callId, 'Call id');
  if (chat.messages.has(messageId)) {
    throw new DomainError('BISHOP_ERR_ALREADY_EXISTS', 'A message with this id already exists', { messageId });
  }
  if (callId !== null && chat.calls.get(callId)?.status !== 'active') {
    throw new DomainError('BISHOP_ERR_INVALID_STATE', 'This call is not going on in this chat', { callId });
  }
  return [{ type: 'VoiceMessageSent', data: { messageId, audio, callId } }];
}

/** The transcript is recorded once; the same transcript again is a redelivery. */
export function recordVoiceTranscript({ data }: RecordVoiceTranscript, chat: ActiveChat): VoiceMessageTranscribed[] {
  const transcript = validTranscript(data);
  const voice = voiceMessage(chat, transcript.messageId);
  if (voice.transcript !== null && jsonEquals(voice.transcript, transcript)) return [];
  assertTranscribing(chat, transcript.messageId);
  return [{ type: 'VoiceMessageTranscribed', data: transcript }];
}

/** No words heard, or the recording unreadable: the message ends here, with the reason. */
export function failVoiceTranscript(
  { data }: FailVoiceTranscript,
  chat: ActiveChat,
): VoiceMessageTranscriptionFailed[] {
  const messageId = validId(data.messageId, 'Message id');
  const failure = validFailure(data);
  voiceMessage(chat, messageId);
  const message = chat.messages.get(messageId);
  if (message?.status === 'failed' && jsonEquals(message.failure, failure)) return [];
  assertTranscribing(chat, messageId);
  return [{ type: 'VoiceMessageTranscriptionFailed', data: { messageId, ...failure } }];
}

function voiceMessage(chat: ActiveChat, messageId: string): VoiceMessage {
  const voice = chat.voices.get(messageId);
  if (voice === undefined) {
    throw new DomainError('BISHOP_ERR_NOT_FOUND', 'This voice message does not exist in this chat', { messageId });
  }
  return voice;
}

function assertTranscribing(chat: ActiveChat, messageId: string): void {
  const status = chat.messages.get(messageId)?.status;
  if (status === 'transcribing') return;
  throw new DomainError('BISHOP_ERR_INVALID_STATE', 'This voice message was already transcribed or has failed', {
    messageId,
    status: status ?? 'absent',
  });
}
