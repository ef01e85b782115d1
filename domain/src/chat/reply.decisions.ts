import { DomainError } from '../kernel/errors.ts';
import { type Failure, validFailure } from '../kernel/failure.ts';
import { validId } from '../kernel/ids.ts';
import { jsonEquals } from '../kernel/json.ts';
import type { CancelReply, FailReply, RecordReply } from './chat.commands.ts';
import type { ReplyFailed, ReplyGenerated } from './chat.events.ts';
import type { ActiveChat, ChatMessage } from './chat.state.ts';
import { validReply } from './chat.validation.ts';

export const cancelledReply: Failure = { reasonCode: 'CANCELLED', reason: 'The reply was cancelled' };

export function recordReply({ data }: RecordReply, chat: ActiveChat): ReplyGenerated[] {
  const reply = validReply(data);
  const message = sentMessage(chat, reply.messageId);
  if (message.status === 'replied' && jsonEquals(message.reply, reply)) return [];
  assertAwaitingReply(message, reply.messageId);
  if (chat.replies.has(reply.replyId)) {
    throw new DomainError('BISHOP_ERR_ALREADY_EXISTS', 'A reply with this id already exists', {
      replyId: reply.replyId,
    });
  }
  return [{ type: 'ReplyGenerated', data: reply }];
}

export function failReply({ data }: FailReply, chat: ActiveChat): ReplyFailed[] {
  const messageId = validId(data.messageId, 'Message id');
  return failMessage(chat, messageId, validFailure(data));
}

export function cancelReply({ data }: CancelReply, chat: ActiveChat): ReplyFailed[] {
  return failMessage(chat, validId(data.messageId, 'Message id'), cancelledReply);
}

function failMessage(chat: ActiveChat, messageId: string, failure: Failure): ReplyFailed[] {
  const message = sentMessage(chat, messageId);
  if (message.status === 'failed' && jsonEquals(message.failure, failure)) return [];
  assertAwaitingReply(message, messageId);
  return [{ type: 'ReplyFailed', data: { messageId, ...failure } }];
}

function sentMessage(chat: ActiveChat, messageId: string): ChatMessage {
  const message = chat.messages.get(messageId);
  if (message === undefined) {
    throw new DomainError('BISHOP_ERR_NOT_FOUND', 'This message does not exist in this chat', { messageId });
  }
  return message;
}

function assertAwaitingReply(message: ChatMessage, messageId: string): void {
  if (message.status === 'awaitingReply') return;
  const outcome = {
    replied: 'has already been answered',
    failed: 'has already failed or been cancelled',
    deleted: 'was deleted',
    transcribing: 'is still being transcribed',
  }[message.status];
  throw new DomainError('BISHOP_ERR_INVALID_STATE', `This message ${outcome}`, { messageId, status: message.status });
}
