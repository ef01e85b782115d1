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

export type UserEvent = UserRegistered | UserProfileUpdated | PasswordChanged | ApiTokenIssued | ApiTokenRevoked;
