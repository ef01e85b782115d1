import { validChoice } from '../kernel/choice.ts';
import { DomainError } from '../kernel/errors.ts';
import { validId } from '../kernel/ids.ts';
import type { ChooseReply, RateReply, RegenerateReply } from './chat.commands.ts';
import {
  type Rating,
  type ReplyChosen,
  type ReplyRated,
  type ReplyRegenerationRequested,
  ratings,
} from './chat.events.ts';
import { assertAnswerable, assertSettled, liveMessage } from './chat.guards.ts';
import type { ActiveChat, ChatReply } from './chat.state.ts';
import { chatLimits } from './chat.validation.ts';

/** Asks for another reply to a settled message; the earlier ones stay, to switch back to. */
export function regenerateReply({ data }: RegenerateReply, chat: ActiveChat): ReplyRegenerationRequested[] {
  const messageId = validId(data.messageId, 'Message id');
  const message = liveMessage(chat, messageId);
  assertSettled(message, messageId);
  assertAnswerable(chat, messageId);
  if (message.replyIds.length >= chatLimits.repliesPerMessage) {
    throw new DomainError(
      'BISHOP_ERR_LIMIT_EXCEEDED',
      `A message keeps at most ${chatLimits.repliesPerMessage} replies; choose one of them or edit the message`,
      { messageId, limit: chatLimits.repliesPerMessage },
    );
  }
  return [{ type: 'ReplyRegenerationRequested', data: { messageId } }];
}

/** Shows one of a message's replies (the one later replies take as said); the one shown already changes nothing. */
export function chooseReply({ data }: ChooseReply, chat: ActiveChat): ReplyChosen[] {
  const messageId = validId(data.messageId, 'Message id');
  const replyId = validId(data.replyId, 'Reply id');
  const message = liveMessage(chat, messageId);
  assertSettled(message, messageId);
  if (!message.replyIds.includes(replyId)) {
    throw new DomainError('BISHOP_ERR_NOT_FOUND', 'This reply is not one of this message’s replies', {
      messageId,
      replyId,
    });
  }
  if (message.status === 'replied' && message.reply.replyId === replyId) return [];
  return [{ type: 'ReplyChosen', data: { messageId, replyId } }];
}

/** Thumbs up or down (null takes it back) on a reply of a message that is still there. */
export function rateReply({ data }: RateReply, chat: ActiveChat): ReplyRated[] {
  const replyId = validId(data.replyId, 'Reply id');
  const rating = data.rating === null ? null : validChoice<Rating>(data.rating, ratings, 'Rating');
  const reply = currentReply(chat, replyId);
  if (reply.rating === rating) return [];
  const { messageId } = reply;
  return [{ type: 'ReplyRated', data: { messageId, replyId, rating, personaVersion: reply.reply.personaVersion } }];
}

/** A reply that still belongs to its message (one of an edited or deleted message's does not). */
function currentReply(chat: ActiveChat, replyId: string): ChatReply {
  const reply = chat.replies.get(replyId);
  const message = reply && chat.messages.get(reply.messageId);
  if (reply === undefined || message === undefined || !message.replyIds.includes(replyId)) {
    throw new DomainError('BISHOP_ERR_NOT_FOUND', 'This reply does not exist in this chat', { replyId });
  }
  return reply;
}
