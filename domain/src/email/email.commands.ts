import type { Command } from '../kernel/command.ts';

export type ReserveEmail = Command<
  'ReserveEmail',
  {
    userId: string;
    /** Filled by the handler: whether the current holder's account is open and still uses this address. */
    previousHolderRegistered: boolean;
  }
>;

export type EmailCommand = ReserveEmail;
