import { createPgliteSqlClient, createPgSqlClient, createSqlKeyStore, type SqlClient } from '@bishop/infra';
import { testDatabaseUrl, uniqueSchema } from '../src/test-env.ts';
import { type KeyStoreHarness, keyStoreContract, testMasterKey } from './key-store.contract.ts';

async function sqlHarness(
  open: () => Promise<SqlClient>,
  schema: string,
  dropSchema: boolean,
): Promise<KeyStoreHarness> {
  let sql = await open();
  let keys = await createSqlKeyStore(sql, { schema, masterKey: testMasterKey });
  return {
    get keys() {
      return keys;
    },
    async reopen() {
      await sql.close();
      sql = await open();
      keys = await createSqlKeyStore(sql, { schema, masterKey: testMasterKey });
      return keys;
    },
    async storedBytes() {
      const rows = await sql.query<{ wrapped_key: Uint8Array | null }>(
        `SELECT wrapped_key FROM "${schema}".bishop_data_keys`,
      );
      return Buffer.concat(rows.flatMap((row) => (row.wrapped_key ? [Buffer.from(row.wrapped_key)] : [])));
    },
    async teardown() {
      if (dropSchema) await sql.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await sql.close();
    },
  };
}

keyStoreContract('PostgreSQL server', () =>
  sqlHarness(async () => createPgSqlClient({ connectionString: testDatabaseUrl }), uniqueSchema('keys'), true),
);

// PGlite in memory would lose keys on reopen, so keep one instance and reopen only the store.
keyStoreContract('PGlite (embedded)', async () => {
  const shared = await createPgliteSqlClient();
  const reusable: SqlClient = { ...shared, close: async () => {} };
  const harness = await sqlHarness(async () => reusable, 'bishop', false);
  return { ...harness, keys: harness.keys, teardown: () => shared.close() };
});
