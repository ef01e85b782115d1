import { DomainError } from '../kernel/errors.ts';
import { validFailure } from '../kernel/failure.ts';
import { validId } from '../kernel/ids.ts';
import { jsonEquals } from '../kernel/json.ts';
import type { FailDub, RecordDub } from './chat.commands.ts';
import type { DubFailed, DubReady } from './chat.events.ts';
import type { ActiveChat, ChatReply, DubOutcome } from './chat.state.ts';
import { validDub } from './chat.validation.ts';

/** A reply is dubbed once: the first outcome (audio or failure) is final, an identical repeat is a redelivery. */
export function recordDub({ data }: RecordDub, chat: ActiveChat): DubReady[] {
  const dub = validDub(data);
  const outcome: DubOutcome = { status: 'ready', dub };
  if (!isNewOutcome(generatedReply(chat, dub.replyId), outcome, dub.replyId)) return [];
  return [{ type: 'DubReady', data: dub }];
}

export function failDub({ data }: FailDub, chat: ActiveChat): DubFailed[] {
  const replyId = validId(data.replyId, 'Reply id');
  const failure = validFailure(data);
  if (!isNewOutcome(generatedReply(chat, replyId), { status: 'failed', failure }, replyId)) return [];
  return [{ type: 'DubFailed', data: { replyId, ...failure } }];
}

function generatedReply(chat: ActiveChat, replyId: string): ChatReply {
  const reply = chat.replies.get(replyId);
  if (reply === undefined) {
    throw new DomainError('BISHOP_ERR_NOT_FOUND', 'This reply does not exist in this chat', { replyId });
  }
  return reply;
}

function isNewOutcome(reply: ChatReply, outcome: DubOutcome, replyId: string): boolean {
  if (reply.dub === null) return true;
  if (jsonEquals(reply.dub, outcome)) return false;
  throw new DomainError('BISHOP_ERR_INVALID_STATE', 'The spoken version of this reply was already recorded', {
    replyId,
    status: reply.dub.status,
  });
}
