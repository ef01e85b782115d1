export type * from './user.commands.ts';
export { ownerOf as ownerOfUser, userDecider } from './user.decider.ts';
export type * from './user.events.ts';
export { userLimits } from './user.rules.ts';
export type * from './user.state.ts';
