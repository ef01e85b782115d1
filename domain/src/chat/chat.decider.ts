import { match } from 'ts-pattern';
import type { Decider } from '../kernel/decider.ts';
import { cutReply, endCall, startCall } from './call.decisions.ts';
import type { ChatCommand } from './chat.commands.ts';
import { deleteChat, openChat, renameChat, sendMessage } from './chat.decisions.ts';
import type { ChatEvent } from './chat.events.ts';
import { evolve } from './chat.evolve.ts';
import { activeChat } from './chat.guards.ts';
import type { ChatState } from './chat.state.ts';
import { failDub, recordDub } from './dub.decisions.ts';
import { deleteMessage, editMessage } from './message.decisions.ts';
import { cancelReply, failReply, recordReply } from './reply.decisions.ts';
import { chooseReply, rateReply, regenerateReply } from './reply-choice.decisions.ts';
import { failVoiceTranscript, recordVoiceTranscript, sendVoiceMessage } from './voice.decisions.ts';

export const initialState = (): ChatState => ({ status: 'absent' });

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
    .with({ type: 'RegenerateReply' }, (c) => regenerateReply(c, chat))
    .with({ type: 'ChooseReply' }, (c) => chooseReply(c, chat))
    .with({ type: 'RateReply' }, (c) => rateReply(c, chat))
    .with({ type: 'EditMessage' }, (c) => editMessage(c, chat))
    .with({ type: 'DeleteMessage' }, (c) => deleteMessage(c, chat))
    .with({ type: 'SendVoiceMessage' }, (c) => sendVoiceMessage(c, chat))
    .with({ type: 'RecordVoiceTranscript' }, (c) => recordVoiceTranscript(c, chat))
    .with({ type: 'FailVoiceTranscript' }, (c) => failVoiceTranscript(c, chat))
    .with({ type: 'StartCall' }, (c) => startCall(c, chat))
    .with({ type: 'EndCall' }, (c) => endCall(c, chat))
    .with({ type: 'CutReply' }, (c) => cutReply(c, chat))
    .exhaustive();
}

export function ownerOf(state: ChatState): string | null {
  return state.status === 'absent' ? null : state.ownerId;
}

export { evolve };

export const chatDecider: Decider<ChatState, ChatCommand, ChatEvent> = { initialState, evolve, decide };
