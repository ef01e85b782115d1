import type { ChatMessage } from './chat-export.ts';

/** A message before the export is numbered: `ref` is the export's own id, `replyToRef` the one it answers. */
export type DraftMessage = Omit<ChatMessage, 'id' | 'replyToId' | 'thread'> & { ref?: string; replyToRef?: string };
export type Conversation = { name: string; messages: DraftMessage[] };

/**
 * Numbers the messages of one or more conversations (a whole-account export
 * holds many), each conversation in time order, and marks which conversation
 * each message belongs to when there are several, so no turn crosses two.
 */
export function numberConversations(conversations: readonly Conversation[]): ChatMessage[] {
  const many = conversations.length > 1;
  const messages: ChatMessage[] = [];
  for (const conversation of conversations) {
    const ids = new Map<string, number>();
    const ordered = [...conversation.messages].sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''));
    const first = messages.length + 1;
    ordered.forEach((message, i) => {
      if (message.ref !== undefined) ids.set(message.ref, first + i);
    });
    ordered.forEach(({ ref: _ref, replyToRef, ...message }, i) => {
      const replyToId = replyToRef === undefined ? undefined : ids.get(replyToRef);
      messages.push({
        ...message,
        id: first + i,
        ...(replyToId !== undefined && { replyToId }),
        ...(many && { thread: conversation.name }),
      });
    });
  }
  return messages;
}
