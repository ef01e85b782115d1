/**
 * Every attack suite of the project, in one list: the ones written for their
 * own areas (cross-tenant access, upload abuse, tokens and sessions, log-in
 * throttling) and the rest, here in tests/security. `npm run test:security`
 * and `./bishop test` run them together and count the attacks.
 */
export const gatheredAttackSuites = [
  'tests/e2e/cross-tenant.test.ts',
  'tests/e2e/upload-abuse.test.ts',
  'tests/integration/auth-access-tokens.test.ts',
  'tests/integration/auth-api-tokens.test.ts',
  'tests/integration/auth-credentials.test.ts',
  'tests/integration/auth-plugin.test.ts',
  'tests/integration/auth-rate-limit.test.ts',
  'tests/integration/auth-revocation.test.ts',
  'tests/integration/auth-session-cookie.test.ts',
  'tests/integration/auth.test.ts',
] as const;

export const securitySuites = [...gatheredAttackSuites, 'tests/security/**/*.test.ts'] as const;
