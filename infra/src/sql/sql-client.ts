/**
 * The little SQL surface our PostgreSQL-backed adapters need, so one
 * implementation of each adapter runs on a PostgreSQL server (`pg`) and on
 * in-process PGlite alike.
 */
export interface SqlClient {
  /** Runs one statement; on PostgreSQL servers a failed statement never poisons a pooled connection. */
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs several statements in one transaction on one connection. */
  transaction<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T>;
  /** Calls `onNotify` with its payload for each NOTIFY on the channel; resolves once listening. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  /** NOTIFY with a payload (PostgreSQL allows under 8000 bytes; default empty). */
  notify(channel: string, payload?: string): Promise<void>;
  /** True when other processes may write the same database (a server), false for in-process PGlite. */
  readonly shared: boolean;
  close(): Promise<void>;
}

export interface SqlTransaction {
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
}

/** Quotes a schema or table name; we only accept plain lowercase identifiers. */
export function sqlIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) {
    throw new Error(`Invalid SQL identifier "${name}": use lowercase letters, digits and underscores`);
  }
  return `"${name}"`;
}
