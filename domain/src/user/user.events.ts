export type UserRegistered = {
  type: 'UserRegistered';
  data: { userId: string; email: string; fullName: string; passwordHash: string };
};
export type UserProfileUpdated = { type: 'UserProfileUpdated'; data: { fullName: string } };
export type PasswordChanged = { type: 'PasswordChanged'; data: { passwordHash: string } };
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
  | ApiTokenIssued
  | ApiTokenRevoked
  | AccountDeleted;
