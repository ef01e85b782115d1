import { randomUUID } from 'node:crypto';
import pg from 'pg';

/** A throw-away database on the benchmark server, so each store gets a clean, isolated one. */
export interface BenchDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

async function onServer<Row extends pg.QueryResultRow>(serverUrl: string, text: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return (await client.query<Row>(text)).rows;
  } finally {
    await client.end();
  }
}

export async function createBenchDatabase(serverUrl: string, label: string): Promise<BenchDatabase> {
  const name = `bishop_bench_${label}_${randomUUID().replaceAll('-', '').slice(0, 8)}`;
  // template0: nobody is ever connected to it, so CREATE DATABASE cannot fail on a busy template1.
  await onServer(serverUrl, `CREATE DATABASE "${name}" TEMPLATE template0`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      await onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

export async function serverVersion(serverUrl: string): Promise<string> {
  const [row] = await onServer<{ server_version: string }>(serverUrl, 'SHOW server_version');
  return row?.server_version ?? 'unknown';
}
