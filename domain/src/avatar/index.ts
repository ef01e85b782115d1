export type * from './avatar.commands.ts';
export { avatarDecider, ownerOf as ownerOfAvatar } from './avatar.decider.ts';
export type * from './avatar.events.ts';
export * from './avatar.facts.ts';
export { avatarLimits } from './avatar.limits.ts';
export type * from './avatar.state.ts';
export { emptyPersonaCard } from './avatar.state.ts';
export * from './avatar.values.ts';
export type * from './transcript.ts';
