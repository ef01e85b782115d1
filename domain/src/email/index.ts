export type * from './email.commands.ts';
export { type EmailReservation, emailDecider, ownerOf as ownerOfEmail } from './email.decider.ts';
export type * from './email.events.ts';
export { normalizeEmail, validEmail } from './email-address.ts';
