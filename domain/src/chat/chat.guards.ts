import type { AvatarFacts } from '../avatar/avatar.facts.ts';
import { DomainError } from '../kernel/errors.ts';
import type { ActiveChat, ChatMessage, ChatState } from './chat.state.ts';

/** Every command but OpenChat needs an open chat whose avatar still exists. */
export function activeChat(state: ChatState, avatar: AvatarFacts | null): ActiveChat {
  if (state.status === 'absent') throw new DomainError('BISHOP_ERR_NOT_FOUND', 'This chat does not exist');
  if (state.status === 'deleted') {
    throw new DomainError('BISHOP_ERR_DELETED', 'This chat was deleted', { chatId: state.chatId });
  }
  // An avatar stream that reads as empty under an existing chat was erased with its avatar.
  if (avatar === null || avatar.deleted) {
    throw new DomainError('BISHOP_ERR_DELETED', 'The avatar of this chat was deleted', { avatarId: state.avatarId });
  }
  if (avatar.avatarId !== state.avatarId) {
    throw new DomainError(
      'BISHOP_ERR_INVALID_VALUE',
      'The avatar facts given belong to another avatar than this chat',
      {
        avatarId: state.avatarId,
      },
    );
  }
  return state;
}

/** A message of this chat that still exists (not deleted). */
export function liveMessage(chat: ActiveChat, messageId: string): Exclude<ChatMessage, { status: 'deleted' }> {
  const message = chat.messages.get(messageId);
  if (message === undefined) {
    throw new DomainError('BISHOP_ERR_NOT_FOUND', 'This message does not exist in this chat', { messageId });
  }
  if (message.status === 'deleted') {
    throw new DomainError('BISHOP_ERR_DELETED', 'This message was deleted', { messageId });
  }
  return message;
}

/** Rewriting or answering a message again waits until its current reply is done or stopped. */
export function assertSettled(message: ChatMessage, messageId: string): void {
  if (message.status !== 'awaitingReply' && message.status !== 'transcribing') return;
  throw new DomainError(
    'BISHOP_ERR_INVALID_STATE',
    'The avatar is still answering this message: wait for the reply or stop it first',
    { messageId, status: message.status },
  );
}

/**
 * Only a message the reply worker answers can be answered again or rewritten: a live call's turn is
 * answered by its call, and a voice message without a transcript has no words to answer.
 */
export function assertAnswerable(chat: ActiveChat, messageId: string): void {
  const voice = chat.voices.get(messageId);
  if (voice === undefined) return;
  if (voice.callId !== null) {
    throw new DomainError('BISHOP_ERR_INVALID_STATE', 'A turn of a call is answered only in that call', {
      messageId,
      callId: voice.callId,
    });
  }
  if (voice.transcript === null) {
    throw new DomainError('BISHOP_ERR_INVALID_STATE', 'This voice message has no transcript to answer', {
      messageId,
    });
  }
}
