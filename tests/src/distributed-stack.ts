import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createNatsBus, createPgSqlClient } from '@bishop/infra';
import { type RoleProcess, startRole } from './role-process.ts';
import { temporaryDirectory, testDatabaseUrl, testModelEnvironment, uniqueSchema } from './test-env.ts';

export const testNatsUrl = process.env.BISHOP_TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

/**
 * The environment every `bishop run` process of one test run shares: the real
 * PostgreSQL and NATS servers, with schemas, a NATS namespace and a stream of
 * its own (so runs never see each other), one master key, one blob directory.
 */
export async function distributedEnvironment(label: string, options: { bus?: 'nats' | 'embedded' } = {}) {
  const bus = options.bus ?? 'nats';
  const schema = uniqueSchema(label);
  const dir = await temporaryDirectory(label);
  const webDir = join(dir.path, 'web-build');
  await mkdir(webDir, { recursive: true });
  // A stand-in build: the web role serves whatever web/build holds; the API routes are what matter here.
  await writeFile(join(webDir, 'index.html'), '<!doctype html><title>Bishop</title><div id="app">Bishop</div>\n');
  const env: Record<string, string> = {
    ...testModelEnvironment(),
    BISHOP_DATA_DIR: dir.path,
    BISHOP_BLOB_DIR: join(dir.path, 'blobs'),
    BISHOP_DATABASE_URL: testDatabaseUrl,
    BISHOP_DATABASE_SCHEMA: schema,
    BISHOP_READ_SCHEMA: `${schema}_read`,
    BISHOP_MASTER_KEY: randomBytes(32).toString('base64'),
    // The embedded bus on the PostgreSQL server works across processes too (tables + NOTIFY).
    ...(bus === 'nats'
      ? {
          BISHOP_BUS: 'nats',
          BISHOP_NATS_URL: testNatsUrl,
          BISHOP_NATS_NAMESPACE: schema,
          BISHOP_NATS_STREAM: schema.toUpperCase(),
        }
      : { BISHOP_BUS: 'embedded' }),
    BISHOP_WEB_DIR: webDir,
    BISHOP_TRUST_PROXY: 'true',
  };
  return {
    env,
    schema,
    readSchema: `${schema}_read`,
    dir: dir.path,
    /** Drops every schema and the NATS stream of this run. */
    async teardown(): Promise<void> {
      const sql = createPgSqlClient({ connectionString: testDatabaseUrl });
      try {
        const rows = await sql.query<{ nspname: string }>(`SELECT nspname FROM pg_namespace WHERE nspname LIKE $1`, [
          `${schema}%`,
        ]);
        for (const { nspname } of rows) await sql.query(`DROP SCHEMA IF EXISTS "${nspname}" CASCADE`);
      } finally {
        await sql.close();
      }
      if (bus === 'nats') {
        const nats = await createNatsBus({
          servers: testNatsUrl,
          streamName: schema.toUpperCase(),
          subjectRoot: schema,
        });
        await nats.deleteTopology().finally(() => nats.close());
      }
      await dir.remove();
    },
  };
}

export type DistributedEnvironment = Awaited<ReturnType<typeof distributedEnvironment>>;

/**
 * Starts roles one after another (the first creates the schemas; the rest find them). Each started
 * role is also put in `into` at once, so a test's `after` stops it even when a later one fails to start.
 */
export async function startRoles(
  environment: DistributedEnvironment,
  roles: readonly { name: string; args: readonly string[]; env?: Record<string, string> }[],
  into: Record<string, RoleProcess> = {},
): Promise<Record<string, RoleProcess>> {
  const started = into;
  for (const role of roles) {
    started[role.name] = await startRole(role.name, role.args, { ...environment.env, ...role.env });
  }
  return started;
}

/** Stops every role (SIGTERM, drain), whatever state each is in. */
export async function stopRoles(roles: Record<string, RoleProcess>): Promise<void> {
  await Promise.all(Object.values(roles).map((role) => role.stop().catch(() => null)));
}
