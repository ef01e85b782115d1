import type { Command } from '../kernel/command.ts';

export type ReserveEmail = Command<
  'ReserveEmail',
  {
    userId: string;
    /** Filled by the handler: whether the current holder's user stream exists. */
    previousHolderRegistered: boolean;
  }
>;

export type EmailCommand = ReserveEmail;
