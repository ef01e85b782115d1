import { erasedColumnsAfter, personal } from '../events/erasure.ts';
import { ignoredBy, leftAsIs } from '../events/ignored-events.ts';
import type { ChatStreamEvent } from '../events/projected-event.ts';
import { changedBy } from '../events/row-change.ts';
import type { ChatRow } from './chats.table.ts';

/** Every personal column of a chat: what deleting it (or its avatar) erases. */
export const chatPersonalColumns = ['title'] as const;

/** The chat's row after one of its events; `undefined` when the event leaves it as it is. */
export function chatAfter(chat: ChatRow | undefined, event: ChatStreamEvent): ChatRow | undefined {
  if (event.type === 'ChatOpened') {
    return {
      chat_id: event.data.chatId,
      avatar_id: event.data.avatarId,
      owner_id: event.data.ownerId,
      title: personal(event, 'title', event.data.title),
      status: 'open',
      persona_version: event.data.personaVersion,
      message_count: 0,
      last_message_at: null,
      opened_position: event.position,
      created_at: event.occurredAt,
      updated_at: event.occurredAt,
      deleted_at: null,
      erased_fields: erasedColumnsAfter([], event, { title: 'title' }),
      last_position: event.position,
    };
  }
  if (chat === undefined) return undefined;
  const changed = (fields: Partial<ChatRow>) => changedBy(chat, event, fields);
  switch (event.type) {
    case 'ChatRenamed':
      // A chat that went with its avatar keeps no new title.
      if (chat.status === 'deleted') return undefined;
      return changed({
        title: personal(event, 'title', event.data.title),
        erased_fields: erasedColumnsAfter(chat.erased_fields, event, { title: 'title' }),
      });
    case 'MessageSent':
    case 'VoiceMessageSent':
      return changed({ message_count: chat.message_count + 1, last_message_at: event.occurredAt });
    case 'ReplyGenerated':
      return changed({ last_message_at: event.occurredAt });
    case 'MessageDeleted':
      return changed({ message_count: Math.max(0, chat.message_count - 1) });
    case 'ChatDeleted':
      return changed({
        status: 'deleted',
        title: null,
        deleted_at: event.occurredAt,
        erased_fields: [...chatPersonalColumns],
      });
    default:
      return leftAsIs(ignoredBy.chats, event);
  }
}
