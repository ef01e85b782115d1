import { cancelledReply } from '@bishop/domain';
import type { ChatRow } from '../chats/chats.table.ts';
import { erasedColumnsAfter, personal, withFieldsErased } from '../events/erasure.ts';
import type { ChatStreamEvent } from '../events/projected-event.ts';
import { changedBy } from '../events/row-change.ts';
import type { MessageRow } from './messages.table.ts';

/** Every personal column of a message: what deleting its chat (or avatar) erases. */
export const messagePersonalColumns = ['reply_text', 'text'] as const;

/** A message's row after an event of its chat; `undefined` when the event leaves it as it is. */
export function messageAfter(
  message: MessageRow | undefined,
  projected: ChatStreamEvent,
  chat: ChatRow,
): MessageRow | undefined {
  // A worker's reply can land after the chat's avatar was deleted: its text is not kept.
  const event = chat.status === 'deleted' ? withFieldsErased(projected, ['text']) : projected;
  if (event.type === 'MessageSent') {
    return {
      message_id: event.data.messageId,
      chat_id: chat.chat_id,
      avatar_id: chat.avatar_id,
      owner_id: chat.owner_id,
      text: personal(event, 'text', event.data.text),
      sent_position: event.position,
      sent_at: event.occurredAt,
      reply_state: 'pending',
      reply_id: null,
      reply_text: null,
      reply_persona_version: null,
      reply_model: null,
      reply_latency_ms: null,
      reply_prompt_tokens: null,
      reply_completion_tokens: null,
      reply_source_ids: null,
      replied_at: null,
      failure_reason_code: null,
      failure_reason: null,
      dub_state: 'none',
      dub_blob_key: null,
      dub_duration_sec: null,
      dub_voice: null,
      dub_reason_code: null,
      dub_reason: null,
      updated_at: event.occurredAt,
      erased_fields: erasedColumnsAfter([], event, { text: 'text' }),
      last_position: event.position,
    };
  }
  if (message === undefined) return undefined;
  const changed = (fields: Partial<MessageRow>) => changedBy(message, event, fields);
  switch (event.type) {
    case 'ReplyGenerated': {
      const reply = event.data;
      return changed({
        reply_state: 'replied',
        reply_id: reply.replyId,
        reply_text: personal(event, 'text', reply.text),
        reply_persona_version: reply.personaVersion,
        reply_model: reply.model,
        reply_latency_ms: reply.latencyMs,
        reply_prompt_tokens: reply.promptTokens,
        reply_completion_tokens: reply.completionTokens,
        reply_source_ids: reply.sourceIds,
        replied_at: event.occurredAt,
        erased_fields: erasedColumnsAfter(message.erased_fields, event, { text: 'reply_text' }),
      });
    }
    case 'ReplyFailed':
      return changed({
        reply_state: event.data.reasonCode === cancelledReply.reasonCode ? 'cancelled' : 'failed',
        failure_reason_code: event.data.reasonCode,
        failure_reason: event.data.reason,
      });
    case 'DubReady':
      return changed({
        dub_state: 'ready',
        dub_blob_key: event.data.blobKey,
        dub_duration_sec: event.data.durationSec,
        dub_voice: event.data.voice,
      });
    case 'DubFailed':
      return changed({ dub_state: 'failed', dub_reason_code: event.data.reasonCode, dub_reason: event.data.reason });
    default:
      return undefined;
  }
}
