import { match } from 'ts-pattern';
import type { Decider } from '../kernel/decider.ts';
import type { ChatCommand } from './chat.commands.ts';
import { deleteChat, openChat, renameChat, sendMessage } from './chat.decisions.ts';
import type { ChatEvent } from './chat.events.ts';
import { activeChat } from './chat.guards.ts';
import type { ActiveChat, ChatMessage, ChatReply, ChatState } from './chat.state.ts';
import { failDub, recordDub } from './dub.decisions.ts';
import { cancelReply, failReply, recordReply } from './reply.decisions.ts';

export const initialState = (): ChatState => ({ status: 'absent' });

export function evolve(state: ChatState, event: ChatEvent): ChatState {
  if (event.type === 'ChatOpened') return { status: 'open', ...event.data, messages: new Map(), replies: new Map() };
  if (state.status !== 'open') return state;
  return match(event)
    .with({ type: 'ChatRenamed' }, ({ data }) => ({ ...state, title: data.title }))
    .with({ type: 'MessageSent' }, ({ data }) => withMessage(state, data.messageId, { status: 'awaitingReply' }))
    .with({ type: 'ReplyGenerated' }, ({ data }) => {
      const replied = withMessage(state, data.messageId, { status: 'replied', reply: data });
      return withReply(replied, data.replyId, { messageId: data.messageId, dub: null });
    })
    .with({ type: 'ReplyFailed' }, ({ data: { messageId, ...failure } }) =>
      withMessage(state, messageId, { status: 'failed', failure }),
    )
    .with({ type: 'DubReady' }, ({ data }) => updateReply(state, data.replyId, { status: 'ready', dub: data }))
    .with({ type: 'DubFailed' }, ({ data: { replyId, ...failure } }) =>
      updateReply(state, replyId, { status: 'failed', failure }),
    )
    .with(
      { type: 'ChatDeleted' },
      (): ChatState => ({
        status: 'deleted',
        chatId: state.chatId,
        avatarId: state.avatarId,
        ownerId: state.ownerId,
      }),
    )
    .exhaustive();
}

function withMessage(chat: ActiveChat, messageId: string, message: ChatMessage): ActiveChat {
  return { ...chat, messages: new Map(chat.messages).set(messageId, message) };
}

function withReply(chat: ActiveChat, replyId: string, reply: ChatReply): ActiveChat {
  return { ...chat, replies: new Map(chat.replies).set(replyId, reply) };
}

function updateReply(chat: ActiveChat, replyId: string, dub: ChatReply['dub']): ActiveChat {
  const reply = chat.replies.get(replyId);
  return reply === undefined ? chat : withReply(chat, replyId, { ...reply, dub });
}

export function decide(command: ChatCommand, state: ChatState): ChatEvent[] {
  if (command.type === 'OpenChat') return openChat(command, state);
  const chat = activeChat(state, command.data.avatar);
  return match(command)
    .with({ type: 'RenameChat' }, (c) => renameChat(c, chat))
    .with({ type: 'SendMessage' }, (c) => sendMessage(c, chat))
    .with({ type: 'RecordReply' }, (c) => recordReply(c, chat))
    .with({ type: 'FailReply' }, (c) => failReply(c, chat))
    .with({ type: 'CancelReply' }, (c) => cancelReply(c, chat))
    .with({ type: 'RecordDub' }, (c) => recordDub(c, chat))
    .with({ type: 'FailDub' }, (c) => failDub(c, chat))
    .with({ type: 'DeleteChat' }, (c) => deleteChat(c, chat))
    .exhaustive();
}

export function ownerOf(state: ChatState): string | null {
  return state.status === 'absent' ? null : state.ownerId;
}

export const chatDecider: Decider<ChatState, ChatCommand, ChatEvent> = { initialState, evolve, decide };
