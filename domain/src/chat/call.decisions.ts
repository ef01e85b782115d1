import { validChoice } from '../kernel/choice.ts';
import { DomainError } from '../kernel/errors.ts';
import { validId } from '../kernel/ids.ts';
import { jsonEquals } from '../kernel/json.ts';
import type { CutReply, EndCall, StartCall } from './chat.commands.ts';
import { type CallEnded, type CallStarted, dubVoices, type ReplyCut } from './chat.events.ts';
import type { ActiveChat } from './chat.state.ts';
import { validCallEnd, validCut } from './voice.validation.ts';

export function startCall({ data }: StartCall, chat: ActiveChat): CallStarted[] {
  const callId = validId(data.callId, 'Call id');
  const voice = validChoice(data.voice, dubVoices, 'Call voice');
  if (chat.calls.has(callId)) {
    throw new DomainError('BISHOP_ERR_ALREADY_EXISTS', 'A call with this id already exists', { callId });
  }
  return [{ type: 'CallStarted', data: { callId, voice } }];
}

/** A call ends once; the same end again is a repeat, another end of an ended call is refused. */
export function endCall({ data }: EndCall, chat: ActiveChat): CallEnded[] {
  const end = validCallEnd(data);
  const call = chat.calls.get(end.callId);
  if (call === undefined) {
    throw new DomainError('BISHOP_ERR_NOT_FOUND', 'This call does not exist in this chat', { callId: end.callId });
  }
  if (call.status === 'ended') {
    if (jsonEquals(call.end, end)) return [];
    throw new DomainError('BISHOP_ERR_INVALID_STATE', 'This call has already ended', { callId: end.callId });
  }
  return [{ type: 'CallEnded', data: end }];
}

/** Barge-in: a reply spoken in a call is cut once, where the user stopped hearing it. */
export function cutReply({ data }: CutReply, chat: ActiveChat): ReplyCut[] {
  const cut = validCut(data);
  const reply = chat.replies.get(cut.replyId);
  if (reply === undefined) {
    throw new DomainError('BISHOP_ERR_NOT_FOUND', 'This reply does not exist in this chat', { replyId: cut.replyId });
  }
  if (reply.cut) return [];
  return [{ type: 'ReplyCut', data: cut }];
}
