export type { IssuedAccessToken } from './access-tokens.ts';
export type { ClientMeta, LogInInput, RequestMeta, SignUpInput } from './accounts.ts';
export type { FindApiTokenByHash, IssuedApiToken } from './api-tokens.ts';
export { type AuthPluginOptions, authPlugin, credentialFromConnectionInit } from './auth.plugin.ts';
export { requireUserId, type UnauthenticatedReason } from './auth-errors.ts';
export { type AuthService, type AuthServiceOptions, createAuthService } from './auth-service.ts';
export type * from './auth-store.ts';
export { commonPasswords } from './common-passwords.ts';
export { type Credential, revocationReason, revokes } from './credentials.ts';
export { defaultLoginLimits, type LoginLimit, type LoginLimits } from './login-throttle.ts';
export { createPasswordHasher, defaultScryptCost, type PasswordHasher, type ScryptCost } from './password-hasher.ts';
export type { PasswordResetMailer } from './password-reset-mail.ts';
export {
  createPasswordResets,
  defaultPasswordResetTtlSeconds,
  type IssuedPasswordReset,
  type PasswordResets,
  passwordResetLink,
} from './password-resets.ts';
export { passwordLimits, validNewPassword } from './password-rules.ts';
export { secretPrefixes } from './secrets.ts';
export { type SessionCookieOptions, sessionCookiePlugin } from './session-cookie.plugin.ts';
export { REFRESH_COOKIE, REFRESH_COOKIE_PATH, SESSION_MODE_HEADER } from './session-cookie.ts';
export type { AuthSession } from './sessions.ts';
