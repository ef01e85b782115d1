import type { AuthStore, LoginFailures, RefreshRotation } from '@bishop/gateways/auth';
import { type SqlClient, type SqlTransaction, sqlIdentifier } from '../sql/sql-client.ts';
import { migrateAuthStore } from './auth-store-schema.ts';

export interface SqlAuthStoreOptions {
  /** PostgreSQL schema for the auth tables (default `bishop_auth`). */
  readonly schema?: string;
}

interface PresentedTokenRow {
  user_id: string;
  family_id: string;
  rotated_at: Date | null;
  revoked_at: Date | null;
}

interface LoginFailuresRow {
  throttle_key: string;
  failures: number;
  window_ends_at: Date;
}

// Milliseconds as a bound parameter → an interval, the same on PostgreSQL and PGlite.
const millis = (parameter: string) => `(${parameter}::double precision * interval '1 millisecond')`;

/** AuthStore on PostgreSQL (server or PGlite); every operation is one statement or one transaction. */
export async function createSqlAuthStore(sql: SqlClient, options: SqlAuthStoreOptions = {}): Promise<AuthStore> {
  const schema = options.schema ?? 'bishop_auth';
  const s = sqlIdentifier(schema);
  await migrateAuthStore(sql, schema);

  return {
    async startRefreshFamily(first, now) {
      await sql.transaction(async (tx) => {
        await tx.query(`INSERT INTO ${s}.refresh_token_families (family_id, user_id, started_at) VALUES ($1, $2, $3)`, [
          first.familyId,
          first.userId,
          now,
        ]);
        await tx.query(
          `INSERT INTO ${s}.refresh_tokens (token_hash, family_id, issued_at, expires_at) VALUES ($1, $2, $3, $4)`,
          [first.tokenHash, first.familyId, now, first.expiresAt],
        );
      });
    },

    async rotateRefreshToken(presentedHash, successor, now): Promise<RefreshRotation> {
      return sql.transaction(async (tx) => {
        // Claim the token only if it is current. Of two concurrent claims, the second waits for the
        // first's row lock, re-checks `rotated_at IS NULL`, and matches nothing.
        const [claimed] = await tx.query<{ family_id: string; user_id: string }>(
          `UPDATE ${s}.refresh_tokens t SET rotated_at = $2
             FROM ${s}.refresh_token_families f
            WHERE t.token_hash = $1 AND t.rotated_at IS NULL AND t.expires_at > $2
              AND f.family_id = t.family_id AND f.revoked_at IS NULL
           RETURNING f.family_id, f.user_id`,
          [presentedHash, now],
        );
        if (claimed !== undefined) {
          await tx.query(
            `INSERT INTO ${s}.refresh_tokens (token_hash, family_id, issued_at, expires_at) VALUES ($1, $2, $3, $4)`,
            [successor.tokenHash, claimed.family_id, now, successor.expiresAt],
          );
          return { outcome: 'rotated', userId: claimed.user_id, familyId: claimed.family_id };
        }
        return whyNotCurrent(tx, s, presentedHash);
      });
    },

    async revokeRefreshFamilyOf(tokenHash, now) {
      const [revoked] = await sql.query<{ family_id: string; user_id: string }>(
        `UPDATE ${s}.refresh_token_families SET revoked_at = coalesce(revoked_at, $2)
          WHERE family_id = (SELECT family_id FROM ${s}.refresh_tokens WHERE token_hash = $1)
          RETURNING family_id, user_id`,
        [tokenHash, now],
      );
      return revoked ? { familyId: revoked.family_id, userId: revoked.user_id } : null;
    },

    async revokeRefreshFamiliesOfUser(userId, now, exceptFamilyId) {
      const revoked = await sql.query<{ family_id: string }>(
        `UPDATE ${s}.refresh_token_families SET revoked_at = $2
          WHERE user_id = $1 AND revoked_at IS NULL AND ($3::uuid IS NULL OR family_id <> $3::uuid)
          RETURNING family_id`,
        [userId, now, exceptFamilyId ?? null],
      );
      return revoked.map((row) => row.family_id);
    },

    async isRefreshFamilyActive(familyId, now) {
      const [row] = await sql.query<{ active: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM ${s}.refresh_token_families f JOIN ${s}.refresh_tokens t USING (family_id)
                         WHERE f.family_id = $1::uuid AND f.revoked_at IS NULL AND t.expires_at > $2) AS active`,
        [familyId, now],
      );
      return row?.active === true;
    },

    async savePasswordReset(reset, now) {
      await sql.transaction(async (tx) => {
        await tx.query(`UPDATE ${s}.password_resets SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL`, [
          reset.userId,
          now,
        ]);
        await tx.query(
          `INSERT INTO ${s}.password_resets (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)`,
          [reset.tokenHash, reset.userId, now, reset.expiresAt],
        );
      });
    },

    async findPasswordReset(tokenHash, now) {
      const [found] = await sql.query<{ user_id: string }>(
        `SELECT user_id FROM ${s}.password_resets WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2`,
        [tokenHash, now],
      );
      return found ? { userId: found.user_id } : null;
    },

    async consumePasswordReset(tokenHash, now) {
      const [used] = await sql.query<{ user_id: string }>(
        `UPDATE ${s}.password_resets SET used_at = $2
          WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING user_id`,
        [tokenHash, now],
      );
      return used ? { userId: used.user_id } : null;
    },

    async recordApiTokenUse(tokenId, usedAt, minIntervalMs) {
      await sql.query(
        `INSERT INTO ${s}.api_token_last_use AS u (token_id, last_used_at) VALUES ($1, $2)
         ON CONFLICT (token_id) DO UPDATE SET last_used_at = EXCLUDED.last_used_at
          WHERE u.last_used_at <= EXCLUDED.last_used_at - ${millis('$3')}`,
        [tokenId, usedAt, minIntervalMs],
      );
    },

    async findApiTokensLastUsed(tokenIds) {
      const rows = await sql.query<{ token_id: string; last_used_at: Date }>(
        `SELECT token_id, last_used_at FROM ${s}.api_token_last_use WHERE token_id = ANY($1::text[])`,
        [[...tokenIds]],
      );
      return new Map(rows.map((row) => [row.token_id, row.last_used_at]));
    },

    async recordLoginFailure(throttleKey, now, windowMs) {
      // A window that has closed starts over with this failure.
      const [row] = await sql.query<LoginFailuresRow>(
        `INSERT INTO ${s}.login_failures AS f (throttle_key, failures, window_ends_at)
         VALUES ($1, 1, $2::timestamptz + ${millis('$3')})
         ON CONFLICT (throttle_key) DO UPDATE SET
           failures = CASE WHEN f.window_ends_at <= $2 THEN 1 ELSE f.failures + 1 END,
           window_ends_at = CASE WHEN f.window_ends_at <= $2 THEN EXCLUDED.window_ends_at ELSE f.window_ends_at END
         RETURNING throttle_key, failures, window_ends_at`,
        [throttleKey, now, windowMs],
      );
      return loginFailuresOf(row as LoginFailuresRow);
    },

    async findLoginFailures(throttleKeys, now) {
      const rows = await sql.query<LoginFailuresRow>(
        `SELECT throttle_key, failures, window_ends_at FROM ${s}.login_failures
          WHERE throttle_key = ANY($1::text[]) AND window_ends_at > $2`,
        [[...throttleKeys], now],
      );
      return new Map(rows.map((row) => [row.throttle_key, loginFailuresOf(row)]));
    },

    async clearLoginFailures(throttleKey) {
      await sql.query(`DELETE FROM ${s}.login_failures WHERE throttle_key = $1`, [throttleKey]);
    },

    async pruneExpired(now) {
      await sql.transaction(async (tx) => {
        await tx.query(`DELETE FROM ${s}.refresh_tokens WHERE expires_at <= $1`, [now]);
        await tx.query(
          `DELETE FROM ${s}.refresh_token_families f
            WHERE NOT EXISTS (SELECT 1 FROM ${s}.refresh_tokens t WHERE t.family_id = f.family_id)`,
        );
        await tx.query(`DELETE FROM ${s}.login_failures WHERE window_ends_at <= $1`, [now]);
        await tx.query(`DELETE FROM ${s}.password_resets WHERE expires_at <= $1`, [now]);
      });
    },

    // The SqlClient belongs to the caller, who closes it.
    async close() {},
  };
}

/** Classifies a token that could not be claimed. */
async function whyNotCurrent(tx: SqlTransaction, s: string, presentedHash: string): Promise<RefreshRotation> {
  const [token] = await tx.query<PresentedTokenRow>(
    `SELECT f.user_id, f.family_id, t.rotated_at, f.revoked_at
       FROM ${s}.refresh_tokens t JOIN ${s}.refresh_token_families f ON f.family_id = t.family_id
      WHERE t.token_hash = $1`,
    [presentedHash],
  );
  if (token === undefined) return { outcome: 'unknown' };
  if (token.revoked_at !== null) return { outcome: 'revoked' };
  if (token.rotated_at !== null) return { outcome: 'reused', userId: token.user_id, familyId: token.family_id };
  return { outcome: 'expired' };
}

function loginFailuresOf(row: LoginFailuresRow): LoginFailures {
  return { failures: Number(row.failures), windowEndsAt: row.window_ends_at };
}
