import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { CompiledQuery, DatabaseConnection, Driver, QueryResult, TransactionSettings } from 'kysely';
import { pgliteParsers } from './int8-as-bigint.ts';

/**
 * A Kysely driver over a PGlite instance that other code shares (the event
 * store's SqlClient runs on it too). Written here because the npm package
 * kysely-pglite-dialect supports PGlite ≤ 0.4 only, and Kysely's own
 * PGliteDriver hands every caller one connection object: a query issued while
 * some Kysely transaction is open runs inside it, a second transaction
 * overwrites the first one's commit handle, and destroy() closes the instance.
 *
 * PGlite is one session. Its `query()` waits while a `transaction()` callback
 * runs, so here each acquired connection is its own view: outside a
 * transaction it calls `pglite.query`; a transaction keeps a
 * `pglite.transaction()` callback open until commit or rollback, so no other
 * query (Kysely's or the SqlClient's) can interleave with it.
 * Never await a query through another client inside a transaction: it would
 * wait for this transaction to end, forever.
 */
export class PgliteDriver implements Driver {
  readonly #pglite: PGlite;

  constructor(pglite: PGlite) {
    this.#pglite = pglite;
  }

  async init(): Promise<void> {
    await this.#pglite.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new PgliteConnection(this.#pglite);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await (connection as PgliteConnection).begin(settings);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PgliteConnection).end(true);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PgliteConnection).end(false);
  }

  async releaseConnection(): Promise<void> {}

  /** The PGlite instance belongs to whoever opened it (the SqlClient): it stays open. */
  async destroy(): Promise<void> {}
}

class PgliteConnection implements DatabaseConnection {
  readonly #pglite: PGlite;
  #transaction: Transaction | undefined;
  #finish: ((commit: boolean) => void) | undefined;
  #finished: Promise<void> | undefined;

  constructor(pglite: PGlite) {
    this.#pglite = pglite;
  }

  async executeQuery<Row>(query: CompiledQuery): Promise<QueryResult<Row>> {
    const target = this.#transaction ?? this.#pglite;
    const result = await target.query<Row>(query.sql, query.parameters as unknown[], { parsers: pgliteParsers });
    return {
      rows: result.rows,
      ...(result.affectedRows === undefined ? {} : { numAffectedRows: BigInt(result.affectedRows) }),
    };
  }

  // biome-ignore lint/correctness/useYield: PGlite returns whole results; streaming is refused outright
  async *streamQuery<Row>(): AsyncIterableIterator<QueryResult<Row>> {
    throw new Error('PGlite does not stream query results');
  }

  async begin(settings: TransactionSettings): Promise<void> {
    const outcome = new Promise<boolean>((resolve) => {
      this.#finish = resolve;
    });
    let started: () => void = () => {};
    const begun = new Promise<void>((resolve) => {
      started = resolve;
    });
    this.#finished = this.#pglite.transaction(async (transaction) => {
      this.#transaction = transaction;
      started();
      if (!(await outcome)) await transaction.rollback();
    });
    // transaction() rejects without calling back when the instance is closed.
    await Promise.race([begun, this.#finished]);
    if (settings.isolationLevel) await this.#run(`SET TRANSACTION ISOLATION LEVEL ${settings.isolationLevel}`);
    if (settings.accessMode) await this.#run(`SET TRANSACTION ${settings.accessMode}`);
  }

  async end(commit: boolean): Promise<void> {
    this.#finish?.(commit);
    try {
      await this.#finished;
    } finally {
      this.#transaction = undefined;
      this.#finish = undefined;
      this.#finished = undefined;
    }
  }

  async #run(statement: string): Promise<void> {
    await this.#transaction?.query(statement);
  }
}
