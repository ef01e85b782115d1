export type UserRegistered = {
  type: 'UserRegistered';
  data: { userId: string; email: string; fullName: string; passwordHash: string };
};
export type UserProfileUpdated = { type: 'UserProfileUpdated'; data: { fullName: string } };
export type PasswordChanged = { type: 'PasswordChanged'; data: { passwordHash: string } };
/** The user logs in with a new address (reserved for them first, so it is unique); the old one is free again. */
export type EmailChanged = { type: 'EmailChanged'; data: { email: string } };
export type ApiTokenIssued = {
  type: 'ApiTokenIssued';
  data: { tokenId: string; name: string; tokenHash: string; issuedAt: string };
};
export type ApiTokenRevoked = { type: 'ApiTokenRevoked'; data: { tokenId: string } };

/** The person closed their account: their avatars are deleted and their data key destroyed (crypto-shredding). */
export type AccountDeleted = { type: 'AccountDeleted'; data: Record<string, never> };

export type UserEvent =
  | UserRegistered
  | UserProfileUpdated
  | PasswordChanged
  | EmailChanged
  | ApiTokenIssued
  | ApiTokenRevoked
  | AccountDeleted;
