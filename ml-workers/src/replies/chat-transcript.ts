import { chatStream } from '@bishop/domain';
import { aggregateOf, type EventStore } from '@bishop/domain/ports';
import { type ChatTranscript, emptyTranscript, transcriptFold } from './transcript-fold.ts';

// The transcript's shape and fold live beside it; callers keep importing them from here.
export {
  type ChatTranscript,
  type ChatTurn,
  emptyTranscript,
  foldTranscript,
  type TurnReply,
} from './transcript-fold.ts';

/** Reads what is new in the chat stream since `transcript` (all of it for an empty one). */
export async function refreshTranscript(eventStore: EventStore, transcript: ChatTranscript): Promise<ChatTranscript> {
  const stream = chatStream(transcript.chatId);
  const since = { stream, state: transcript, recorded: [], revision: transcript.revision };
  return (await aggregateOf(eventStore, stream, transcriptFold(transcript.chatId), since)).state;
}

/**
 * Keeps the transcripts of recent chats, so each new message reads only the
 * events after the last one seen instead of the whole chat again. A shredded
 * avatar's chats are dropped at once (`forgetAvatar`): they hold the person's words.
 */
export function transcriptCache(eventStore: EventStore, capacity = 256) {
  const cached = new Map<string, ChatTranscript>();
  return {
    async transcriptOf(chatId: string): Promise<ChatTranscript> {
      const known = cached.get(chatId) ?? emptyTranscript(chatId);
      const fresh = await refreshTranscript(eventStore, known);
      cached.delete(chatId);
      cached.set(chatId, fresh);
      // Forget the least recently used chat beyond capacity.
      if (cached.size > capacity) cached.delete(cached.keys().next().value as string);
      return fresh;
    },
    forgetAvatar(avatarId: string): void {
      for (const [chatId, transcript] of cached) if (transcript.avatarId === avatarId) cached.delete(chatId);
    },
    forgetChat(chatId: string): void {
      cached.delete(chatId);
    },
    get size(): number {
      return cached.size;
    },
  };
}
