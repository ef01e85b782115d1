import { isValidId } from '@bishop/domain';
import { errors, jwtVerify, SignJWT } from 'jose';
import { sessionExpired, unauthenticated } from './auth-errors.ts';

export interface AccessTokenOptions {
  /** HS256 key, at least 32 bytes (the lead derives it from the master key). */
  readonly signingKey: Uint8Array;
  readonly issuer: string;
  readonly audience: string;
  readonly ttlSeconds: number;
  readonly clock: () => Date;
}

export interface IssuedAccessToken {
  readonly accessToken: string;
  readonly accessTokenExpiresAt: Date;
}

export interface VerifiedAccessToken {
  readonly userId: string;
  /** The session (refresh-token family) it was issued for; null for tokens minted before sessions had ids. */
  readonly sessionId: string | null;
  readonly expiresAt: Date;
}

export interface AccessTokens {
  issue(userId: string, sessionId: string): Promise<IssuedAccessToken>;
  /** Who and which session, or throws BISHOP_ERR_UNAUTHENTICATED (reason `expired` or `invalid`). */
  verify(token: string): Promise<VerifiedAccessToken>;
}

// RFC 9068's type for access tokens: a JWT minted for another purpose is refused.
const TOKEN_TYPE = 'at+jwt';
const ALGORITHM = 'HS256';

/** Short-lived signed JWTs; the algorithm is pinned, so `alg: none` and any other algorithm are refused. */
export function createAccessTokens(options: AccessTokenOptions): AccessTokens {
  if (options.signingKey.length < 32) throw new Error('The access-token signing key must be at least 32 bytes');
  const key = new Uint8Array(options.signingKey);

  return {
    async issue(userId, sessionId) {
      const issuedAt = options.clock();
      const accessTokenExpiresAt = new Date(issuedAt.getTime() + options.ttlSeconds * 1000);
      // `sid` (OpenID's session id claim): revoking the session reaches sockets that rode on this token.
      const accessToken = await new SignJWT({ sid: sessionId })
        .setProtectedHeader({ alg: ALGORITHM, typ: TOKEN_TYPE })
        .setIssuer(options.issuer)
        .setAudience(options.audience)
        .setSubject(userId)
        .setIssuedAt(issuedAt)
        .setExpirationTime(accessTokenExpiresAt)
        .sign(key);
      return { accessToken, accessTokenExpiresAt };
    },

    async verify(token) {
      const invalid = () => unauthenticated('Invalid access token', 'invalid');
      if (typeof token !== 'string' || token.length === 0) throw invalid();
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: [ALGORITHM],
          typ: TOKEN_TYPE,
          issuer: options.issuer,
          audience: options.audience,
          requiredClaims: ['sub', 'iat', 'exp'],
          currentDate: options.clock(),
        });
        if (!isValidId(payload.sub)) throw invalid();
        if (payload.sid !== undefined && !isValidId(payload.sid)) throw invalid();
        return {
          userId: payload.sub,
          sessionId: payload.sid ?? null,
          expiresAt: new Date((payload.exp as number) * 1000),
        };
      } catch (error) {
        if (error instanceof errors.JWTExpired) throw sessionExpired();
        if (error instanceof errors.JOSEError) throw invalid();
        throw error;
      }
    },
  };
}
