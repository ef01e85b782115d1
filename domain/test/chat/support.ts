import type { AvatarFacts } from '../../src/avatar/avatar.facts.ts';
import type { ChatCommand } from '../../src/chat/chat.commands.ts';
import { chatDecider } from '../../src/chat/chat.decider.ts';
import type { ChatEvent, Reply } from '../../src/chat/chat.events.ts';
import { commandsFor, worker } from '../support/commands.ts';
import { spec } from '../support/decider-spec.ts';
import { AVATAR, CHAT, id, OWNER } from '../support/ids.ts';

export const chatSpec = spec(chatDecider);
export const chatCommand = commandsFor<ChatCommand>();
export const asWorker = { actor: worker };

export const MESSAGE = id(61);
export const REPLY = id(71);

export const liveAvatar: AvatarFacts = {
  avatarId: AVATAR,
  ownerId: OWNER,
  deleted: false,
  activePersonaVersion: 1,
  personaVersions: [1, 2],
};
export const deletedAvatar: AvatarFacts = { ...liveAvatar, deleted: true, activePersonaVersion: null };

export const opened: ChatEvent = {
  type: 'ChatOpened',
  data: { chatId: CHAT, avatarId: AVATAR, ownerId: OWNER, title: 'About physics', personaVersion: null },
};
export const chatDeleted: ChatEvent = { type: 'ChatDeleted', data: {} };
export const messageSent = (messageId = MESSAGE, text = 'What is entropy?'): ChatEvent => ({
  type: 'MessageSent',
  data: { messageId, text },
});

export function reply(overrides: Partial<Reply> = {}): Reply {
  return {
    messageId: MESSAGE,
    replyId: REPLY,
    text: 'Entropy, my friend, is a measure of our ignorance.',
    personaVersion: 1,
    model: 'qwen2.5-7b-instruct',
    latencyMs: 1840,
    promptTokens: 912,
    completionTokens: 31,
    sourceIds: ['chunk:12', 'pair:7'],
    sources: [],
    closeness: null,
    ...overrides,
  };
}
export const replyGenerated = (data = reply()): ChatEvent => ({ type: 'ReplyGenerated', data });

/** An open chat with one message awaiting its reply. */
export const awaitingReply: ChatEvent[] = [opened, messageSent()];
/** An open chat whose message got its reply REPLY. */
export const replied: ChatEvent[] = [...awaitingReply, replyGenerated()];
