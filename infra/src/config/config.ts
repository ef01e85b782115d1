import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * Bishop is configured only by environment variables, validated at start.
 * README's configuration table mirrors this schema; keep them together.
 */
const port = z.coerce
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 (any free port) and 65535')
  .max(65535, 'must be between 0 (any free port) and 65535');

const url = (schemes: readonly string[]) =>
  z.string().refine(
    (value) => {
      try {
        return schemes.includes(new URL(value).protocol.replace(':', ''));
      } catch {
        return false;
      }
    },
    `must be a URL starting with ${schemes.map((s) => `${s}://`).join(' or ')}`,
  );

const masterKey = z
  .string()
  .refine(
    (value) => Buffer.from(value, 'base64').length === 32,
    'must be 32 random bytes in base64 (openssl rand -base64 32)',
  );

const environmentSchema = z.object({
  BISHOP_DATA_DIR: z.string().min(1).default('.bishop'),
  BISHOP_HOST: z.string().min(1).default('127.0.0.1'),
  BISHOP_PORT: port.default(4000),
  BISHOP_EVENT_STORE: z.enum(['pglite', 'postgres', 'esdb']).default('pglite'),
  BISHOP_DATABASE_URL: url(['postgres', 'postgresql']).optional(),
  BISHOP_DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lowercase SQL identifier')
    .default('bishop'),
  BISHOP_ESDB_URL: url(['esdb', 'esdb+discover', 'kurrentdb', 'kurrentdb+discover']).optional(),
  BISHOP_MASTER_KEY: masterKey.optional(),
  BISHOP_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Rules that join several variables; checked on the raw environment so every problem is reported at once. */
function crossFieldProblems(env: Record<string, string>): string[] {
  const store = env.BISHOP_EVENT_STORE ?? 'pglite';
  const problems: string[] = [];
  if (store === 'postgres' && !env.BISHOP_DATABASE_URL) {
    problems.push('BISHOP_DATABASE_URL is required when BISHOP_EVENT_STORE=postgres');
  }
  if (store === 'esdb' && !env.BISHOP_ESDB_URL) {
    problems.push('BISHOP_ESDB_URL is required when BISHOP_EVENT_STORE=esdb');
  }
  if (store === 'esdb' && !env.BISHOP_DATABASE_URL) {
    problems.push('BISHOP_DATABASE_URL is required with EventStoreDB: keys and read models live in PostgreSQL');
  }
  return problems;
}

export type BishopConfig = ReturnType<typeof configFromEnvironment>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads and validates the environment; throws one ConfigError listing every problem. */
export function configFromEnvironment(env: NodeJS.ProcessEnv = process.env) {
  const raw = stripEmpty(env);
  const parsed = environmentSchema.safeParse(raw);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`)),
    ...crossFieldProblems(raw),
  ];
  if (!parsed.success || problems.length > 0) {
    const list = problems.map((problem) => `  - ${problem}`).join('\n');
    throw new ConfigError(`Bishop cannot start: invalid configuration\n${list}`);
  }
  const e = parsed.data;
  return {
    dataDir: resolve(e.BISHOP_DATA_DIR),
    host: e.BISHOP_HOST,
    port: e.BISHOP_PORT,
    eventStore: e.BISHOP_EVENT_STORE,
    databaseUrl: e.BISHOP_DATABASE_URL,
    databaseSchema: e.BISHOP_DATABASE_SCHEMA,
    esdbUrl: e.BISHOP_ESDB_URL,
    masterKey: e.BISHOP_MASTER_KEY ? new Uint8Array(Buffer.from(e.BISHOP_MASTER_KEY, 'base64')) : undefined,
    logLevel: e.BISHOP_LOG_LEVEL,
  } as const;
}

/** `FOO=` in a shell means "unset", not "the empty string". */
function stripEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => !!entry[1]));
}
