import type { Command } from '../kernel/command.ts';

/** Passwords are hashed before the command is built: the domain never sees one. */
export type RegisterUser = Command<
  'RegisterUser',
  { userId: string; email: string; fullName: string; passwordHash: string }
>;
export type UpdateProfile = Command<'UpdateProfile', { fullName: string }>;
export type ChangePassword = Command<'ChangePassword', { passwordHash: string }>;
/** The gateway checks the password again before it sends this; the command bus reserves the address first. */
export type ChangeEmail = Command<'ChangeEmail', { email: string }>;
export type IssueApiToken = Command<'IssueApiToken', { tokenId: string; name: string; tokenHash: string }>;
export type RevokeApiToken = Command<'RevokeApiToken', { tokenId: string }>;

/** The gateway checks the password again before it sends this. */
export type DeleteAccount = Command<'DeleteAccount', Record<string, never>>;

export type UserCommand =
  | RegisterUser
  | UpdateProfile
  | ChangePassword
  | ChangeEmail
  | IssueApiToken
  | RevokeApiToken
  | DeleteAccount;
