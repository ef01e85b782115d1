import { type SqlClient, sqlIdentifier } from '../sql/sql-client.ts';

/** The AuthStore's tables, created idempotently at start. */
function authStoreSchemaStatements(schema: string): string[] {
  const s = sqlIdentifier(schema);
  return [
    `CREATE SCHEMA IF NOT EXISTS ${s}`,
    // One family per log-in; revoking it ends every token it ever had or will have.
    `CREATE TABLE IF NOT EXISTS ${s}.refresh_token_families (
       family_id  uuid        PRIMARY KEY,
       user_id    text        NOT NULL,
       started_at timestamptz NOT NULL,
       revoked_at timestamptz
     )`,
    // Rotated tokens stay until they expire: presenting one again is how theft is detected.
    `CREATE TABLE IF NOT EXISTS ${s}.refresh_tokens (
       token_hash text        PRIMARY KEY,
       family_id  uuid        NOT NULL REFERENCES ${s}.refresh_token_families ON DELETE CASCADE,
       issued_at  timestamptz NOT NULL,
       expires_at timestamptz NOT NULL,
       rotated_at timestamptz
     )`,
    `CREATE INDEX IF NOT EXISTS refresh_tokens_family_id ON ${s}.refresh_tokens (family_id)`,
    `CREATE INDEX IF NOT EXISTS refresh_tokens_expires_at ON ${s}.refresh_tokens (expires_at)`,
    `CREATE TABLE IF NOT EXISTS ${s}.api_token_last_use (
       token_id     text        PRIMARY KEY,
       last_used_at timestamptz NOT NULL
     )`,
    // Keys are `email:<sha256>` or `client:<address or /64>`: a fixed window opened by the first failure.
    `CREATE TABLE IF NOT EXISTS ${s}.login_failures (
       throttle_key   text        PRIMARY KEY,
       failures       integer     NOT NULL,
       window_ends_at timestamptz NOT NULL
     )`,
    `CREATE INDEX IF NOT EXISTS login_failures_window_ends_at ON ${s}.login_failures (window_ends_at)`,
    `CREATE INDEX IF NOT EXISTS refresh_token_families_user_id ON ${s}.refresh_token_families (user_id)`,
    // Operator-issued reset links: only the SHA-256 of the token is kept; used_at makes each single-use.
    `CREATE TABLE IF NOT EXISTS ${s}.password_resets (
       token_hash text        PRIMARY KEY,
       user_id    text        NOT NULL,
       created_at timestamptz NOT NULL,
       expires_at timestamptz NOT NULL,
       used_at    timestamptz
     )`,
    `CREATE INDEX IF NOT EXISTS password_resets_user_id ON ${s}.password_resets (user_id)`,
  ];
}

export async function migrateAuthStore(sql: SqlClient, schema: string): Promise<void> {
  // Several processes may start at once: serialise the idempotent DDL.
  await sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`bishop-migrate-auth-${schema}`]);
    for (const statement of authStoreSchemaStatements(schema)) await tx.query(statement);
  });
}
