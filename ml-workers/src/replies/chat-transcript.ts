import { chatStream } from '@bishop/domain';
import type { EventStore, RecordedEvent } from '@bishop/domain/ports';

/** One message of a chat and what became of it. */
export interface ChatTurn {
  readonly messageId: string;
  /** Null once erased (crypto-shredding). */
  readonly text: string | null;
  /** Revision of its MessageSent in the chat stream. */
  readonly revision: bigint;
  readonly outcome: 'awaiting' | 'replied' | 'failed';
  readonly reply: { readonly replyId: string; readonly text: string | null } | null;
}

/** A chat as the reply worker needs it: who it talks to and every message in order. */
export interface ChatTranscript {
  readonly chatId: string;
  readonly avatarId: string | null;
  /** A chat opened on a given persona version (time travel) always answers with it; null follows the active one. */
  readonly personaVersion: number | null;
  readonly deleted: boolean;
  readonly turns: readonly ChatTurn[];
  /** Revision of the last event read (-1n: none). */
  readonly revision: bigint;
}

export const emptyTranscript = (chatId: string): ChatTranscript => ({
  chatId,
  avatarId: null,
  personaVersion: null,
  deleted: false,
  turns: [],
  revision: -1n,
});

const textOf = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Applies chat events (decrypted, in stream order) to a transcript. */
export function foldTranscript(transcript: ChatTranscript, events: readonly RecordedEvent[]): ChatTranscript {
  let { avatarId, personaVersion, deleted, revision } = transcript;
  const turns = [...transcript.turns];
  const update = (messageId: string, change: (turn: ChatTurn) => ChatTurn) => {
    const at = turns.findLastIndex((turn) => turn.messageId === messageId);
    const turn = turns[at];
    if (turn) turns[at] = change(turn);
  };
  for (const event of events) {
    revision = event.revision;
    const data = event.data;
    if (event.type === 'ChatOpened') {
      avatarId = textOf(data.avatarId);
      // Absent in chats opened before pinning existed (schema v1): those follow the active version.
      personaVersion = typeof data.personaVersion === 'number' ? data.personaVersion : null;
    } else if (event.type === 'ChatDeleted') deleted = true;
    else if (event.type === 'MessageSent') {
      const messageId = String(data.messageId);
      turns.push({ messageId, text: textOf(data.text), revision: event.revision, outcome: 'awaiting', reply: null });
    } else if (event.type === 'ReplyGenerated') {
      const reply = { replyId: String(data.replyId), text: textOf(data.text) };
      update(String(data.messageId), (turn) => ({ ...turn, outcome: 'replied', reply }));
    } else if (event.type === 'ReplyFailed') {
      update(String(data.messageId), (turn) => ({ ...turn, outcome: 'failed' }));
    }
  }
  return { chatId: transcript.chatId, avatarId, personaVersion, deleted, turns, revision };
}

/** Reads what is new in the chat stream since `transcript` (all of it for an empty one). */
export async function refreshTranscript(eventStore: EventStore, transcript: ChatTranscript): Promise<ChatTranscript> {
  const events = await eventStore.readStream(chatStream(transcript.chatId), { fromRevision: transcript.revision + 1n });
  return events.length === 0 ? transcript : foldTranscript(transcript, events);
}

/**
 * Keeps the transcripts of recent chats, so each new message reads only the
 * events after the last one seen instead of the whole chat again.
 */
export function transcriptCache(eventStore: EventStore, capacity = 256) {
  const cached = new Map<string, ChatTranscript>();
  return async function transcriptOf(chatId: string): Promise<ChatTranscript> {
    const known = cached.get(chatId) ?? emptyTranscript(chatId);
    const fresh = await refreshTranscript(eventStore, known);
    cached.delete(chatId);
    cached.set(chatId, fresh);
    // Forget the least recently used chat beyond capacity.
    if (cached.size > capacity) cached.delete(cached.keys().next().value as string);
    return fresh;
  };
}
