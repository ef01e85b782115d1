import { chatStream } from '@bishop/domain';
import type { EventStore, RecordedEvent } from '@bishop/domain/ports';

/** One message of a chat and what became of it. */
export interface ChatTurn {
  readonly messageId: string;
  /** Null once erased (crypto-shredding). */
  readonly text: string | null;
  /** Revision of its MessageSent (VoiceMessageSent) in the chat stream. */
  readonly revision: bigint;
  /** Revision of the last ask for a reply (sent, transcribed, edited or asked again): only that job answers. */
  readonly askedRevision: bigint;
  /** A voice message is `transcribing` until its transcript (its `text`) is recorded. */
  readonly outcome: 'transcribing' | 'awaiting' | 'replied' | 'failed';
  /** The live call it was a turn of: the call answers it itself. */
  readonly callId: string | null;
  /** The reply shown (the last made, or the one chosen among them). */
  readonly reply: TurnReply | null;
  /** Every reply made to the message's current words, oldest first. */
  readonly replies: readonly TurnReply[];
}

export interface TurnReply {
  readonly replyId: string;
  readonly text: string | null;
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
      const { revision: at } = event;
      const turn = { messageId, revision: at, askedRevision: at, reply: null, replies: [], callId: null };
      turns.push({ ...turn, text: textOf(data.text), outcome: 'awaiting' });
    } else if (event.type === 'VoiceMessageSent') {
      const { revision: at } = event;
      const turn = { messageId: String(data.messageId), revision: at, askedRevision: at, reply: null, replies: [] };
      turns.push({ ...turn, text: null, outcome: 'transcribing', callId: textOf(data.callId) });
    } else if (event.type === 'VoiceMessageTranscribed') {
      const { revision: at } = event;
      update(String(data.messageId), (turn) => ({
        ...turn,
        text: textOf(data.text),
        askedRevision: at,
        outcome: 'awaiting',
      }));
    } else if (event.type === 'ReplyGenerated') {
      const reply = { replyId: String(data.replyId), text: textOf(data.text) };
      update(String(data.messageId), (turn) => ({
        ...turn,
        outcome: 'replied',
        reply,
        replies: [...turn.replies, reply],
      }));
    } else if (event.type === 'ReplyFailed' || event.type === 'VoiceMessageTranscriptionFailed') {
      update(String(data.messageId), (turn) => ({ ...turn, outcome: 'failed' }));
    } else if (event.type === 'ReplyRegenerationRequested') {
      const { revision: at } = event;
      update(String(data.messageId), (turn) => ({ ...turn, askedRevision: at, outcome: 'awaiting', reply: null }));
    } else if (event.type === 'ReplyChosen') {
      update(String(data.messageId), (turn) => ({
        ...turn,
        outcome: 'replied',
        reply: turn.replies.find((reply) => reply.replyId === data.replyId) ?? turn.reply,
      }));
    } else if (event.type === 'MessageEdited') {
      const { revision: at } = event;
      update(String(data.messageId), (turn) => ({
        ...turn,
        text: textOf(data.text),
        askedRevision: at,
        outcome: 'awaiting',
        reply: null,
        replies: [],
      }));
    } else if (event.type === 'MessageDeleted') {
      const at = turns.findIndex((turn) => turn.messageId === data.messageId);
      if (at >= 0) turns.splice(at, 1);
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
