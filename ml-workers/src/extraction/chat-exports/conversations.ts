import type { ChatMessage, ChatMessages } from './chat-export.ts';

/** A message before the export is numbered: `ref` is the export's own id, `replyToRef` the one it answers. */
export type DraftMessage = Omit<ChatMessage, 'id' | 'replyToId' | 'thread'> & { ref?: string; replyToRef?: string };
export type Conversation = { name: string; messages: DraftMessage[] };

/**
 * A draft to keep while an export streams, its strings copied out of the parser's text. A string the parser
 * cuts from a piece of the file is a view of that piece (V8's sliced strings), so one kept message would keep
 * its whole 64 KB piece alive, and a channel's kept messages the whole file (an 80 MB export filled a 256 MB heap).
 */
export function keptDraft(message: DraftMessage): DraftMessage {
  const { author, text, ref, replyToRef, media } = message;
  return {
    ...message,
    author: ownCopy(author),
    text: ownCopy(text),
    ...(ref !== undefined && { ref: ownCopy(ref) }),
    ...(replyToRef !== undefined && { replyToRef: ownCopy(replyToRef) }),
    ...(media && { media: { ...media, fileName: media.fileName === null ? null : ownCopy(media.fileName) } }),
  };
}

// V8 copies strings shorter than this (SlicedString::kMinLength) instead of making views of them.
const SHORTEST_VIEW = 13;
const ownCopy = (text: string) =>
  text.length < SHORTEST_VIEW ? text : Buffer.from(text, 'utf16le').toString('utf16le');

/**
 * Numbers the messages of one or more conversations (a whole-account export
 * holds many), each conversation in time order, and marks which conversation
 * each message belongs to when there are several, so no turn crosses two.
 * The numbered messages are made as they are read, at each pass: a channel of
 * a million messages is not kept twice.
 */
export function numberConversations(conversations: readonly Conversation[]): ChatMessages {
  const many = conversations.length > 1;
  let first = 1;
  const numbered = conversations.map((conversation) => {
    const ordered = [...conversation.messages].sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''));
    const ids = new Map<string, number>();
    const start = first;
    ordered.forEach((message, i) => {
      if (message.ref !== undefined) ids.set(message.ref, start + i);
    });
    first += ordered.length;
    return { name: conversation.name, ordered, ids, first: start };
  });
  return {
    length: first - 1,
    *[Symbol.iterator]() {
      for (const { name, ordered, ids, first } of numbered) {
        for (const [i, { ref: _ref, replyToRef, ...message }] of ordered.entries()) {
          const replyToId = replyToRef === undefined ? undefined : ids.get(replyToRef);
          yield {
            ...message,
            id: first + i,
            ...(replyToId !== undefined && { replyToId }),
            ...(many && { thread: name }),
          };
        }
      }
    },
  };
}
