import { avatarAfterChatEvent } from '../avatars/avatar.changes.ts';
import { chatAfter } from '../chats/chat.changes.ts';
import type { ChatStreamEvent } from '../events/projected-event.ts';
import { messageAfter } from '../messages/message.changes.ts';
import { timelineEntryOf } from '../timeline/timeline.entry.ts';
import type { BatchRows } from './batch-rows.ts';

const messageIdIn = (event: ChatStreamEvent) => ('messageId' in event.data ? event.data.messageId : undefined);
const dubbedReplyIn = (event: ChatStreamEvent) =>
  event.type === 'DubReady' || event.type === 'DubFailed' || event.type === 'ReplyCut' ? event.data.replyId : undefined;

/** Called twice per batch: the second time, chat rows are loaded and name the avatar a deleted chat counts against. */
export function declareChatEventRows(event: ChatStreamEvent, rows: BatchRows): void {
  rows.want('chats', event.streamId);
  const messageId = messageIdIn(event);
  if (messageId !== undefined) rows.want('messages', messageId);
  const replyId = dubbedReplyIn(event);
  if (replyId !== undefined) rows.wantMessageOfReply(replyId);
  if (event.type === 'ChatOpened') rows.want('avatars', event.data.avatarId);
  const chat = rows.peek('chats', event.streamId);
  if (event.type === 'ChatDeleted' && chat !== undefined) rows.want('avatars', chat.avatar_id);
}

export function projectChatEvent(event: ChatStreamEvent, rows: BatchRows): void {
  const chatId = event.streamId;
  const chat = rows.update('chats', chatId, event, (row) => chatAfter(row, event));
  if (chat === undefined) return;
  rows.addTimelineEntry(timelineEntryOf(event, { avatarId: chat.avatar_id, chatId, ownerId: chat.owner_id }));
  if (event.type === 'ChatOpened' || event.type === 'ChatDeleted') {
    rows.update('avatars', chat.avatar_id, event, (avatar) => avatarAfterChatEvent(avatar, event));
  }
  const replyId = dubbedReplyIn(event);
  const messageId = messageIdIn(event) ?? (replyId === undefined ? undefined : rows.messageIdOfReply(replyId));
  if (messageId !== undefined) rows.update('messages', messageId, event, (row) => messageAfter(row, event, chat));
  if (event.type === 'ChatDeleted') rows.eraseChat(chatId);
}
