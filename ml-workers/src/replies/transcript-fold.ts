import type { ChatEvent } from '@bishop/domain';
import { type RecordedEvent, type StreamFold, upcastRecorded } from '@bishop/domain/ports';
import { match, P } from 'ts-pattern';

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

/** The chat stream folded into turns; each event's revision marks when a turn was asked. */
export const transcriptFold = (chatId: string): StreamFold<ChatTranscript, ChatEvent> => ({
  initialState: () => emptyTranscript(chatId),
  evolve: (transcript, event, { revision }) => ({ ...turnsAfter({ ...transcript, revision }, event), revision }),
});

function turnsAfter(transcript: ChatTranscript, event: ChatEvent): ChatTranscript {
  const at = transcript.revision;
  const asked = { revision: at, askedRevision: at, reply: null, replies: [] };
  const append = (turn: ChatTurn) => ({ ...transcript, turns: [...transcript.turns, turn] });
  const update = (messageId: string, change: (turn: ChatTurn) => ChatTurn) => {
    const index = transcript.turns.findLastIndex((turn) => turn.messageId === messageId);
    const turn = transcript.turns[index];
    return turn ? { ...transcript, turns: transcript.turns.with(index, change(turn)) } : transcript;
  };
  return (
    match(event)
      .with({ type: 'ChatOpened' }, ({ data }) => ({
        ...transcript,
        avatarId: textOf(data.avatarId),
        personaVersion: data.personaVersion ?? null,
      }))
      .with({ type: 'ChatDeleted' }, () => ({ ...transcript, deleted: true }))
      .with({ type: 'MessageSent' }, ({ data }) =>
        append({ ...asked, messageId: data.messageId, text: textOf(data.text), outcome: 'awaiting', callId: null }),
      )
      .with({ type: 'VoiceMessageSent' }, ({ data }) =>
        append({
          ...asked,
          messageId: data.messageId,
          text: null,
          outcome: 'transcribing',
          callId: textOf(data.callId),
        }),
      )
      .with({ type: 'VoiceMessageTranscribed' }, ({ data }) =>
        update(data.messageId, (turn) => ({
          ...turn,
          text: textOf(data.text),
          askedRevision: at,
          outcome: 'awaiting',
        })),
      )
      .with({ type: 'ReplyGenerated' }, ({ data }) => {
        const reply = { replyId: data.replyId, text: textOf(data.text) };
        return update(data.messageId, (turn) => ({
          ...turn,
          outcome: 'replied',
          reply,
          replies: [...turn.replies, reply],
        }));
      })
      .with({ type: P.union('ReplyFailed', 'VoiceMessageTranscriptionFailed') }, ({ data }) =>
        update(data.messageId, (turn) => ({ ...turn, outcome: 'failed' })),
      )
      .with({ type: 'ReplyRegenerationRequested' }, ({ data }) =>
        update(data.messageId, (turn) => ({ ...turn, askedRevision: at, outcome: 'awaiting', reply: null })),
      )
      .with({ type: 'ReplyChosen' }, ({ data }) =>
        update(data.messageId, (turn) => ({
          ...turn,
          outcome: 'replied',
          reply: turn.replies.find((reply) => reply.replyId === data.replyId) ?? turn.reply,
        })),
      )
      .with({ type: 'MessageEdited' }, ({ data }) =>
        update(data.messageId, (turn) => ({
          ...turn,
          text: textOf(data.text),
          askedRevision: at,
          outcome: 'awaiting',
          reply: null,
          replies: [],
        })),
      )
      .with({ type: 'MessageDeleted' }, ({ data }) => {
        const index = transcript.turns.findIndex((turn) => turn.messageId === data.messageId);
        return index < 0 ? transcript : { ...transcript, turns: transcript.turns.toSpliced(index, 1) };
      })
      // Nothing a reply reads: titles, dubs, ratings, how calls went.
      .with(
        { type: P.union('ChatRenamed', 'DubReady', 'DubFailed', 'ReplyRated', 'CallStarted', 'CallEnded', 'ReplyCut') },
        () => transcript,
      )
      .exhaustive()
  );
}

/** Applies chat events (decrypted, in stream order) to a transcript. */
export function foldTranscript(transcript: ChatTranscript, events: readonly RecordedEvent[]): ChatTranscript {
  const { evolve } = transcriptFold(transcript.chatId);
  return events.reduce((folded, event) => evolve(folded, upcastRecorded(event) as ChatEvent, event), transcript);
}
