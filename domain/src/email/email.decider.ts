import { match } from 'ts-pattern';
import type { Decider } from '../kernel/decider.ts';
import { DomainError } from '../kernel/errors.ts';
import { validId } from '../kernel/ids.ts';
import type { EmailCommand, ReserveEmail } from './email.commands.ts';
import type { EmailEvent, EmailReserved } from './email.events.ts';

export type EmailReservation = { readonly status: 'free' } | { readonly status: 'held'; readonly userId: string };

export const initialState = (): EmailReservation => ({ status: 'free' });

export function evolve(_state: EmailReservation, event: EmailEvent): EmailReservation {
  return match(event)
    .with({ type: 'EmailReserved' }, ({ data }): EmailReservation => ({ status: 'held', userId: data.userId }))
    .exhaustive();
}

export function decide(command: EmailCommand, state: EmailReservation): EmailEvent[] {
  return match(command)
    .with({ type: 'ReserveEmail' }, (reserve) => reserveEmail(reserve, state))
    .exhaustive();
}

function reserveEmail({ data }: ReserveEmail, state: EmailReservation): EmailReserved[] {
  const userId = validId(data.userId, 'User id');
  const reserved: EmailReserved = { type: 'EmailReserved', data: { userId } };
  if (state.status === 'free') return [reserved];
  if (state.userId === userId) return [];
  // A sign-up that reserved the address but crashed before registering must not lock the address forever;
  // nor may a holder who moved to another address (or closed the account) keep it.
  if (data.previousHolderRegistered === false) return [reserved];
  throw new DomainError('BISHOP_ERR_EMAIL_TAKEN', 'This email is already registered', { field: 'email' });
}

export function ownerOf(state: EmailReservation): string | null {
  return state.status === 'held' ? state.userId : null;
}

export const emailDecider: Decider<EmailReservation, EmailCommand, EmailEvent> = { initialState, evolve, decide };
