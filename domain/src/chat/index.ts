export type * from './chat.commands.ts';
export { chatDecider, ownerOf as ownerOfChat } from './chat.decider.ts';
export * from './chat.events.ts';
export type * from './chat.state.ts';
export { chatLimits, isLowCloseness, lowClosenessBelow, titleFrom } from './chat.validation.ts';
export { cancelledReply } from './reply.decisions.ts';
export { voiceLimits } from './voice.validation.ts';
