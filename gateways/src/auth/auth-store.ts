/**
 * AuthStore port: the little state authentication keeps outside the event
 * store — refresh-token families, API-token last use, log-in throttling. It
 * is shared by every gateway process, so each operation below must be atomic
 * across processes. Secrets never reach it: only their SHA-256 hex.
 * Adapters: infra/src/auth-store (PostgreSQL server and PGlite), checked by
 * tests/contract/auth-store.contract.ts.
 */
export interface AuthStore {
  /** Opens a new family (one log-in) with its first refresh token. */
  startRefreshFamily(first: NewRefreshToken, now: Date): Promise<void>;
  /**
   * Exchanges a refresh token for its successor in one atomic step: only a
   * token that is current (never rotated, unexpired, family not revoked) is
   * marked rotated and its successor stored in the same family. Of two
   * concurrent calls with the same token, exactly one sees `rotated`.
   */
  rotateRefreshToken(presentedHash: string, successor: RefreshTokenSuccessor, now: Date): Promise<RefreshRotation>;
  /** Revokes the family the token belongs to (every token in it, past and future); null if the token is unknown. */
  revokeRefreshFamilyOf(
    tokenHash: string,
    now: Date,
  ): Promise<{ readonly familyId: string; readonly userId: string } | null>;
  /** Revokes every family of the user that is not revoked yet; returns their ids. */
  revokeRefreshFamiliesOfUser(userId: string, now: Date, exceptFamilyId?: string): Promise<string[]>;
  /** Whether the family exists, is not revoked and still has an unexpired token (a socket may open on it). */
  isRefreshFamilyActive(familyId: string, now: Date): Promise<boolean>;

  /** Keeps a password-reset token (by hash) until it is used or expires; the user's older unused ones stop working. */
  savePasswordReset(reset: PasswordReset, now: Date): Promise<void>;
  /** The holder of a token that is unused and unexpired, without using it up; else null. */
  findPasswordReset(tokenHash: string, now: Date): Promise<{ readonly userId: string } | null>;
  /** Uses the token up, once: the user's id if it was unused and unexpired, else null (atomic across processes). */
  consumePasswordReset(tokenHash: string, now: Date): Promise<{ readonly userId: string } | null>;

  /** Records a use of an API token unless one was recorded less than `minIntervalMs` before `usedAt`. */
  recordApiTokenUse(tokenId: string, usedAt: Date, minIntervalMs: number): Promise<void>;
  /** Last recorded use per token id; ids never used are absent. */
  findApiTokensLastUsed(tokenIds: readonly string[]): Promise<Map<string, Date>>;

  /** Counts one failed log-in under the key: a fixed window opens at the first failure and lasts `windowMs`. */
  recordLoginFailure(throttleKey: string, now: Date, windowMs: number): Promise<LoginFailures>;
  /** The open windows (ending after `now`) of these keys. */
  findLoginFailures(throttleKeys: readonly string[], now: Date): Promise<Map<string, LoginFailures>>;
  clearLoginFailures(throttleKey: string): Promise<void>;

  /** Deletes what can no longer matter: expired refresh tokens (and emptied families), closed throttle windows, spent resets. */
  pruneExpired(now: Date): Promise<void>;
  close(): Promise<void>;
}

export interface NewRefreshToken {
  readonly tokenHash: string;
  readonly familyId: string;
  readonly userId: string;
  readonly expiresAt: Date;
}

export interface PasswordReset {
  readonly tokenHash: string;
  readonly userId: string;
  readonly expiresAt: Date;
}

export type RefreshTokenSuccessor = Pick<NewRefreshToken, 'tokenHash' | 'expiresAt'>;

/** What presenting a refresh token found; `reused` means it had been rotated already (a stolen copy?). */
export type RefreshRotation =
  | { readonly outcome: 'rotated'; readonly userId: string; readonly familyId: string }
  | { readonly outcome: 'reused'; readonly userId: string; readonly familyId: string }
  | { readonly outcome: 'expired' | 'revoked' | 'unknown' };

export interface LoginFailures {
  readonly failures: number;
  readonly windowEndsAt: Date;
}
