import {
  type ColumnSealer,
  DEFAULT_READ_SCHEMA,
  migrateReadModels,
  type ReadModels,
  SealedColumnsPlugin,
  sealPlaintextColumns,
} from '@bishop/projections';
import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteAdapter, PostgresDialect, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import pg from 'pg';
import { sqlIdentifier } from '../sql/sql-client.ts';
import { pgTypes } from './int8-as-bigint.ts';
import { PgliteDriver } from './pglite-driver.ts';

export type ReadStoreOptions =
  | {
      readonly kind: 'postgres';
      readonly connectionString: string;
      readonly schema?: string;
      readonly maxConnections?: number;
      readonly applicationName?: string;
      readonly sealer?: ColumnSealer;
    }
  | {
      readonly kind: 'pglite';
      /** The instance the event store runs on: embedded mode keeps one database, one data dir. */
      readonly pglite: PGlite;
      readonly schema?: string;
      /** Seals personal columns with the data subjects' keys (without it they are stored as given). */
      readonly sealer?: ColumnSealer;
    };

export interface ReadStore {
  /** Unscoped: projectors and rebuilds name their schema; gateway queries use `models`. */
  readonly db: Kysely<ReadModels>;
  /** `db` scoped to the read schema: what the gateway's queries take. */
  readonly models: Kysely<ReadModels>;
  readonly schema: string;
  /** Closes the pool (PostgreSQL); a shared PGlite stays open for its owner to close. */
  close(): Promise<void>;
}

/** Kysely over the read schema on a PostgreSQL server or PGlite; migrates it to the latest version. */
export async function createReadStore(options: ReadStoreOptions): Promise<ReadStore> {
  const schema = options.schema ?? DEFAULT_READ_SCHEMA;
  sqlIdentifier(schema); // refuses odd names early, with a clear message
  const db = new Kysely<ReadModels>({
    dialect: options.kind === 'postgres' ? postgresDialect(options) : pgliteDialect(options.pglite),
    plugins: options.sealer ? [new SealedColumnsPlugin(options.sealer)] : [],
  });
  try {
    await migrateReadModels(db, schema);
    // Read models an earlier version wrote in plaintext are sealed in place before anything reads them.
    await sealPlaintextColumns(db, schema);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, models: db.withSchema(schema), schema, close: () => db.destroy() };
}

function postgresDialect(options: Extract<ReadStoreOptions, { kind: 'postgres' }>): PostgresDialect {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    application_name: options.applicationName ?? 'bishop-read-models',
    types: pgTypes,
  });
  // An idle client dying (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  // A client checked out of the pool (between the statements of a transaction) has no listener of
  // the pool's: its connection dying would be an unhandled 'error' event. Its query fails instead.
  pool.on('connect', (client) => client.on('error', () => {}));
  return new PostgresDialect({ pool });
}

function pgliteDialect(pglite: PGlite) {
  return {
    // Kysely's PGlite adapter skips its migration lock: the migration's transaction already excludes everyone.
    createAdapter: () => new PGliteAdapter(),
    createDriver: () => new PgliteDriver(pglite),
    createIntrospector: (db: Kysely<unknown>) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
}
