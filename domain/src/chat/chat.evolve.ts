import { match } from 'ts-pattern';
import type { ChatEvent } from './chat.events.ts';
import type { ActiveChat, ChatMessage, ChatReply, ChatState } from './chat.state.ts';

export function evolve(state: ChatState, event: ChatEvent): ChatState {
  if (event.type === 'ChatOpened') {
    return {
      status: 'open',
      ...event.data,
      messages: new Map(),
      replies: new Map(),
      voices: new Map(),
      calls: new Map(),
    };
  }
  if (state.status !== 'open') return state;
  return (
    match(event)
      .with({ type: 'ChatRenamed' }, ({ data }) => ({ ...state, title: data.title }))
      .with({ type: 'MessageSent' }, ({ data }) =>
        withMessage(state, data.messageId, { status: 'awaitingReply', text: data.text, replyIds: [] }),
      )
      .with({ type: 'ReplyGenerated' }, ({ data }) => {
        const before = historyOf(state, data.messageId);
        const history = { ...before, replyIds: [...before.replyIds, data.replyId] };
        const replied = withMessage(state, data.messageId, { status: 'replied', reply: data, ...history });
        return withReply(replied, data.replyId, {
          messageId: data.messageId,
          reply: data,
          rating: null,
          dub: null,
          cut: false,
        });
      })
      .with({ type: 'ReplyFailed' }, ({ data: { messageId, ...failure } }) =>
        withMessage(state, messageId, { status: 'failed', failure, ...historyOf(state, messageId) }),
      )
      .with({ type: 'DubReady' }, ({ data }) =>
        updateReply(state, data.replyId, { dub: { status: 'ready', dub: data } }),
      )
      .with({ type: 'DubFailed' }, ({ data: { replyId, ...failure } }) =>
        updateReply(state, replyId, { dub: { status: 'failed', failure } }),
      )
      .with({ type: 'ReplyRegenerationRequested' }, ({ data }) =>
        withMessage(state, data.messageId, { status: 'awaitingReply', ...historyOf(state, data.messageId) }),
      )
      .with({ type: 'ReplyChosen' }, ({ data }) => {
        const chosen = state.replies.get(data.replyId);
        if (chosen === undefined) return state;
        return withMessage(state, data.messageId, {
          status: 'replied',
          reply: chosen.reply,
          ...historyOf(state, data.messageId),
        });
      })
      .with({ type: 'ReplyRated' }, ({ data }) => updateReply(state, data.replyId, { rating: data.rating }))
      // The replies to the old words stay in the log but no longer belong to the message.
      .with({ type: 'MessageEdited' }, ({ data }) =>
        withMessage(state, data.messageId, { status: 'awaitingReply', text: data.text, replyIds: [] }),
      )
      .with({ type: 'MessageDeleted' }, ({ data }) =>
        withMessage(state, data.messageId, { status: 'deleted', text: '', replyIds: [] }),
      )
      .with({ type: 'VoiceMessageSent' }, ({ data }) => ({
        ...withMessage(state, data.messageId, { status: 'transcribing', text: '', replyIds: [] }),
        voices: new Map(state.voices).set(data.messageId, { callId: data.callId, transcript: null }),
      }))
      .with({ type: 'VoiceMessageTranscribed' }, ({ data }) => {
        const voice = state.voices.get(data.messageId);
        if (voice === undefined) return state;
        return {
          ...withMessage(state, data.messageId, { status: 'awaitingReply', text: data.text, replyIds: [] }),
          voices: new Map(state.voices).set(data.messageId, { ...voice, transcript: data }),
        };
      })
      .with({ type: 'VoiceMessageTranscriptionFailed' }, ({ data: { messageId, ...failure } }) =>
        withMessage(state, messageId, { status: 'failed', failure, ...historyOf(state, messageId) }),
      )
      .with({ type: 'CallStarted' }, ({ data }) => ({
        ...state,
        calls: new Map(state.calls).set(data.callId, { status: 'active' }),
      }))
      .with({ type: 'CallEnded' }, ({ data }) => ({
        ...state,
        calls: new Map(state.calls).set(data.callId, { status: 'ended', end: data }),
      }))
      .with({ type: 'ReplyCut' }, ({ data }) => updateReply(state, data.replyId, { cut: true }))
      .with(
        { type: 'ChatDeleted' },
        (): ChatState => ({
          status: 'deleted',
          chatId: state.chatId,
          avatarId: state.avatarId,
          ownerId: state.ownerId,
        }),
      )
      .exhaustive()
  );
}

/** What a message keeps through its status changes: its words and its replies. */
function historyOf(chat: ActiveChat, messageId: string): { text: string; replyIds: readonly string[] } {
  const message = chat.messages.get(messageId);
  return { text: message?.text ?? '', replyIds: message?.replyIds ?? [] };
}

function withMessage(chat: ActiveChat, messageId: string, message: ChatMessage): ActiveChat {
  return { ...chat, messages: new Map(chat.messages).set(messageId, message) };
}

function withReply(chat: ActiveChat, replyId: string, reply: ChatReply): ActiveChat {
  return { ...chat, replies: new Map(chat.replies).set(replyId, reply) };
}

function updateReply(chat: ActiveChat, replyId: string, change: Partial<ChatReply>): ActiveChat {
  const reply = chat.replies.get(replyId);
  return reply === undefined ? chat : withReply(chat, replyId, { ...reply, ...change });
}
