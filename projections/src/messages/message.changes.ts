import { cancelledReply } from '@bishop/domain';
import type { ChatRow } from '../chats/chats.table.ts';
import { erasedColumnsAfter, personal, withFieldsErased } from '../events/erasure.ts';
import { ignoredBy, leftAsIs } from '../events/ignored-events.ts';
import type { ChatStreamEvent } from '../events/projected-event.ts';
import { changedBy } from '../events/row-change.ts';
import { type MessageRow, noReplies, type StoredReply } from './messages.table.ts';

const noDub = {
  dub_state: 'none',
  dub_blob_key: null,
  dub_duration_sec: null,
  dub_voice: null,
  dub_reason_code: null,
  dub_reason: null,
  dub_position: null,
} as const satisfies Partial<MessageRow>;

const noFailure = { failure_reason_code: null, failure_reason: null } as const satisfies Partial<MessageRow>;

const noReply = {
  reply_id: null,
  reply_text: null,
  reply_persona_version: null,
  reply_model: null,
  reply_latency_ms: null,
  reply_prompt_tokens: null,
  reply_completion_tokens: null,
  reply_source_ids: null,
  reply_sources: null,
  reply_closeness: null,
  reply_rating: null,
  replied_at: null,
  reply_cut: false,
  reply_heard_sec: null,
  reply_spoken_sec: null,
  reply_heard_text: null,
  ...noDub,
} as const satisfies Partial<MessageRow>;

/** The reply shown, moved among the alternatives (asking again, or choosing another), its columns cleared. */
function shownReplySetAside(message: MessageRow): Partial<MessageRow> {
  if (message.reply_id === null) return {};
  const shown: StoredReply = {
    replyId: message.reply_id,
    text: message.reply_text,
    personaVersion: message.reply_persona_version,
    model: message.reply_model ?? '',
    latencyMs: message.reply_latency_ms ?? 0,
    promptTokens: message.reply_prompt_tokens ?? 0,
    completionTokens: message.reply_completion_tokens ?? 0,
    sourceIds: message.reply_source_ids ?? [],
    sources: message.reply_sources?.list ?? null,
    closeness: message.reply_closeness,
    rating: message.reply_rating,
    repliedAt: (message.replied_at ?? message.updated_at).toISOString(),
    dub: {
      state: message.dub_state,
      blobKey: message.dub_blob_key,
      durationSec: message.dub_duration_sec,
      voice: message.dub_voice,
      reasonCode: message.dub_reason_code,
      reason: message.dub_reason,
      position: message.dub_position === null ? null : String(message.dub_position),
    },
  };
  const alternatives = message.alternatives && { list: [...message.alternatives.list, shown] };
  return { ...noReply, alternatives };
}

/** An alternative back in the shown reply's columns. */
function replyColumnsOf(reply: StoredReply): Partial<MessageRow> {
  return {
    reply_id: reply.replyId,
    reply_text: reply.text,
    reply_persona_version: reply.personaVersion,
    reply_model: reply.model,
    reply_latency_ms: reply.latencyMs,
    reply_prompt_tokens: reply.promptTokens,
    reply_completion_tokens: reply.completionTokens,
    reply_source_ids: [...reply.sourceIds],
    reply_sources: reply.sources && { list: reply.sources },
    reply_closeness: reply.closeness,
    reply_rating: reply.rating,
    replied_at: new Date(reply.repliedAt),
    dub_state: reply.dub.state,
    dub_blob_key: reply.dub.blobKey,
    dub_duration_sec: reply.dub.durationSec,
    dub_voice: reply.dub.voice,
    dub_reason_code: reply.dub.reasonCode,
    dub_reason: reply.dub.reason,
    dub_position: reply.dub.position ? BigInt(reply.dub.position) : null,
  };
}

/** Every personal column of a message: what deleting its chat (or avatar) erases. */
export const messagePersonalColumns = [
  'alternatives',
  'reply_heard_text',
  'reply_sources',
  'reply_text',
  'text',
  'voice_segments',
] as const;

/** A message's row after an event of its chat; `undefined` when the event leaves it as it is. */
export function messageAfter(
  message: MessageRow | undefined,
  projected: ChatStreamEvent,
  chat: ChatRow,
): MessageRow | undefined {
  // A worker's reply can land after the chat's avatar was deleted: its text is not kept.
  const erasedOnDeletedChat = ['text', 'sources', 'segments', 'heardText'];
  const event = chat.status === 'deleted' ? withFieldsErased(projected, erasedOnDeletedChat) : projected;
  if (event.type === 'MessageSent' || event.type === 'VoiceMessageSent') {
    const voice = event.type === 'VoiceMessageSent' ? event.data : null;
    return {
      message_id: event.data.messageId,
      chat_id: chat.chat_id,
      avatar_id: chat.avatar_id,
      owner_id: chat.owner_id,
      text: event.type === 'MessageSent' ? personal(event, 'text', event.data.text) : null,
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
      reply_sources: null,
      reply_closeness: null,
      reply_rating: null,
      alternatives: noReplies,
      edited_at: null,
      deleted_at: null,
      failure_reason_code: null,
      failure_reason: null,
      dub_state: 'none',
      dub_blob_key: null,
      dub_duration_sec: null,
      dub_voice: null,
      dub_position: null,
      dub_reason_code: null,
      dub_reason: null,
      updated_at: event.occurredAt,
      erased_fields: event.type === 'MessageSent' ? erasedColumnsAfter([], event, { text: 'text' }) : [],
      last_position: event.position,
      kind: voice ? 'voice' : 'text',
      call_id: voice?.callId ?? null,
      voice_state: voice ? 'transcribing' : 'none',
      voice_blob_key: voice?.audio.blobKey ?? null,
      voice_media_type: voice?.audio.mediaType ?? null,
      voice_size_bytes: voice ? BigInt(voice.audio.sizeBytes) : null,
      voice_language: null,
      voice_duration_sec: null,
      voice_segments: null,
      reply_cut: false,
      reply_heard_sec: null,
      reply_spoken_sec: null,
      reply_heard_text: null,
    };
  }
  if (message === undefined || message.deleted_at !== null) return undefined;
  const changed = (fields: Partial<MessageRow>) => changedBy(message, event, fields);
  switch (event.type) {
    case 'ReplyGenerated': {
      const reply = event.data;
      const sources = personal(event, 'sources', reply.sources);
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
        reply_sources: sources && { list: sources },
        reply_closeness: reply.closeness,
        reply_rating: null,
        replied_at: event.occurredAt,
        ...noDub,
        erased_fields: erasedColumnsAfter(message.erased_fields, event, {
          text: 'reply_text',
          sources: 'reply_sources',
        }),
      });
    }
    case 'ReplyRegenerationRequested':
      return changed({ ...shownReplySetAside(message), reply_state: 'pending', ...noFailure });
    case 'ReplyChosen': {
      const chosen = message.alternatives?.list.find((reply) => reply.replyId === event.data.replyId);
      if (chosen === undefined) return undefined;
      const { alternatives } = shownReplySetAside(message);
      const others = alternatives?.list.filter((reply) => reply.replyId !== chosen.replyId) ?? [];
      return changed({
        ...replyColumnsOf(chosen),
        reply_state: 'replied',
        ...noFailure,
        alternatives: message.alternatives && { list: others },
      });
    }
    case 'ReplyRated':
      if (message.reply_id === event.data.replyId) return changed({ reply_rating: event.data.rating });
      return changed({
        alternatives: message.alternatives && {
          list: message.alternatives.list.map((reply) =>
            reply.replyId === event.data.replyId ? { ...reply, rating: event.data.rating } : reply,
          ),
        },
      });
    case 'MessageEdited':
      return changed({
        text: personal(event, 'text', event.data.text),
        edited_at: event.occurredAt,
        reply_state: 'pending',
        ...noReply,
        ...noFailure,
        alternatives: noReplies,
        erased_fields: erasedColumnsAfter(message.erased_fields, event, { text: 'text' }),
      });
    case 'MessageDeleted':
      return changed({
        text: null,
        voice_segments: null,
        deleted_at: event.occurredAt,
        ...noReply,
        alternatives: null,
        erased_fields: [...messagePersonalColumns],
      });
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
        dub_position: event.position,
      });
    case 'VoiceMessageTranscribed':
      return changed({
        voice_state: 'transcribed',
        text: personal(event, 'text', event.data.text),
        voice_language: event.data.language,
        voice_duration_sec: event.data.durationSec,
        voice_segments: personal(event, 'segments', { segments: event.data.segments }),
        erased_fields: erasedColumnsAfter(message.erased_fields, event, {
          text: 'text',
          segments: 'voice_segments',
        }),
      });
    case 'VoiceMessageTranscriptionFailed':
      return changed({
        voice_state: 'failed',
        reply_state: 'failed',
        failure_reason_code: event.data.reasonCode,
        failure_reason: event.data.reason,
      });
    case 'ReplyCut':
      return changed({
        reply_cut: true,
        reply_heard_sec: event.data.heardSec,
        reply_spoken_sec: event.data.spokenSec,
        reply_heard_text: personal(event, 'heardText', event.data.heardText),
        erased_fields: erasedColumnsAfter(message.erased_fields, event, { heardText: 'reply_heard_text' }),
      });
    case 'DubFailed':
      return changed({ dub_state: 'failed', dub_reason_code: event.data.reasonCode, dub_reason: event.data.reason });
    default:
      return leftAsIs(ignoredBy.messages, event);
  }
}
