import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { forbiddenHost } from '@bishop/ml-workers/llm';
import { z } from 'zod';
import { origin } from './origin-setting.ts';

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

/** The extract worker's JS heap (BISHOP_EXTRACT_HEAP_MB): its 1 GB-export and 3-hour-recording benchmarks run with it. */
export const defaultExtractHeapMb = 256;

const megabytes = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a number of megabytes' })
    .int('must be a whole number')
    .positive('must be positive')
    .default(fallback);

const seconds = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a number of seconds' })
    .int('must be a whole number')
    .positive('must be positive')
    .default(fallback);

const identifier = (fallback: string) =>
  z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lowercase SQL identifier')
    .default(fallback);

const ttsEngineNames = ['chatterbox', 'http', 'vits', 'espeak'] as const;
/** `chatterbox,http,vits,espeak` (preference order) or `none`. */
const ttsEngines = z
  .string()
  .transform((value) => (value.trim() === 'none' ? [] : value.split(',').map((name) => name.trim())))
  .pipe(
    z
      .array(z.enum(ttsEngineNames, { error: `must list engines among ${ttsEngineNames.join(', ')}, or be none` }))
      .refine((names) => new Set(names).size === names.length, 'must not name an engine twice'),
  );

/** The checkout (or image) Bishop runs from: infra/src/config/ is three levels down. */
const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

const environmentSchema = z.object({
  BISHOP_DATA_DIR: z.string().min(1).default('.bishop'),
  BISHOP_HOST: z.string().min(1).default('127.0.0.1'),
  BISHOP_PORT: port.default(4000),
  BISHOP_DATABASE_URL: url(['postgres', 'postgresql']).optional(),
  BISHOP_DATABASE_SCHEMA: identifier('bishop'),
  BISHOP_READ_SCHEMA: identifier('bishop_read'),
  BISHOP_EVENT_STORE: z.enum(['sql', 'esdb']).default('sql'),
  BISHOP_ESDB_URL: url(['esdb', 'esdb+discover', 'kurrentdb', 'kurrentdb+discover']).optional(),
  BISHOP_BUS: z.enum(['embedded', 'nats']).default('embedded'),
  BISHOP_NATS_URL: url(['nats', 'tls']).optional(),
  BISHOP_NATS_STREAM: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a JetStream stream name (letters, digits, _ and -)')
    .default('BISHOP'),
  BISHOP_NATS_NAMESPACE: z
    .string()
    .regex(/^[a-z0-9_-]{1,32}$/, 'must be one subject token (lowercase letters, digits, _ and -)')
    .optional(),
  BISHOP_BLOB_STORE: z.enum(['fs', 's3']).default('fs'),
  BISHOP_BLOB_DIR: z.string().min(1).optional(),
  BISHOP_S3_ENDPOINT: url(['http', 'https']).optional(),
  BISHOP_S3_ACCESS_KEY: z.string().min(1).optional(),
  BISHOP_S3_SECRET_KEY: z.string().min(1).optional(),
  BISHOP_S3_BUCKET: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      'must be a valid bucket name (3–63 lowercase letters, digits, dots, hyphens)',
    )
    .default('bishop'),
  BISHOP_S3_REGION: z.string().min(1).default('us-east-1'),
  BISHOP_MASTER_KEY: masterKey.optional(),
  BISHOP_MODELS_DIR: z.string().min(1).optional(),
  BISHOP_FFMPEG: z.string().min(1).default('ffmpeg'),
  BISHOP_TTS_ENGINES: ttsEngines.default([...ttsEngineNames]),
  BISHOP_TTS_HTTP_URL: url(['http', 'https']).optional(),
  BISHOP_TTS_HTTP_API_KEY: z.string().min(1).optional(),
  BISHOP_TTS_HTTP_TIMEOUT: seconds(120),
  BISHOP_ESPEAK: z.string().min(1).default('espeak-ng'),
  BISHOP_UPLOAD_MAX_FILE_MB: megabytes(2048),
  BISHOP_UPLOAD_MAX_USER_MB: megabytes(20480),
  BISHOP_UPLOAD_MAX_FILES: z.coerce.number({ error: 'must be a number' }).int().min(1).max(1000).default(100),
  BISHOP_ACCESS_TOKEN_TTL: seconds(900),
  BISHOP_REFRESH_TOKEN_TTL: seconds(30 * 24 * 3600),
  BISHOP_PASSWORD_RESET_TTL: seconds(3600),
  BISHOP_SIGNUP_LIMIT: z.coerce.number({ error: 'must be a number' }).int().min(1).default(30),
  BISHOP_PUBLIC_URL: url(['http', 'https']).optional(),
  BISHOP_SMTP_URL: url(['smtp', 'smtps']).optional(),
  BISHOP_MAIL_FROM: z
    .string()
    .min(3, 'must be an address, e.g. "Bishop <bishop@example.org>"')
    .default('Bishop <bishop@localhost>'),
  BISHOP_START_WORKERS: z
    .string()
    .regex(/^(all|none|[a-z-]+(,[a-z-]+)*)$/, 'must be "all", "none" or worker kinds separated by commas')
    .default('all'),
  BISHOP_TRAIN_CONCURRENCY: z.coerce.number({ error: 'must be a number' }).int().min(1).max(64).default(2),
  BISHOP_EXTRACT_HEAP_MB: z.coerce
    .number({ error: 'must be a number of megabytes' })
    .int('must be a whole number')
    .refine((value) => value === 0 || (value >= 128 && value <= 65_536), 'must be 0 (no cap) or 128–65536')
    .default(defaultExtractHeapMb),
  BISHOP_CALL_MAX_CONCURRENT: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be 0 (no calls) or more')
    .default(4),
  BISHOP_CALL_IDLE_SEC: seconds(120),
  BISHOP_CALL_MAX_SEC: seconds(1800).refine((value) => value <= 86_400, 'must be at most 86400 (a day)'),
  BISHOP_CALL_END_OF_TURN_MS: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int('must be a whole number')
    .min(100, 'must be between 100 and 5000')
    .max(5000, 'must be between 100 and 5000')
    .default(500),
  BISHOP_REPLY_MODE: z.enum(['auto', 'local', 'remote', 'retrieval']).default('auto'),
  BISHOP_LLM_URL: url(['http', 'https']).optional(),
  BISHOP_LLM_API_KEY: z.string().min(1).optional(),
  BISHOP_LLM_REMOTE_MODEL: z.string().min(1).max(200).optional(),
  BISHOP_LLM_CONTEXT_TOKENS: z.coerce.number({ error: 'must be a number of tokens' }).int().min(256).default(4096),
  BISHOP_LLM_THREADS: z.coerce.number({ error: 'must be a number of threads' }).int().min(1).max(256).optional(),
  BISHOP_LLM_ALLOW_LINK_LOCAL: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false'),
  BISHOP_REPLY_MAX_TOKENS: z.coerce.number({ error: 'must be a number of tokens' }).int().min(1).max(8192).default(256),
  BISHOP_REPLY_TEMPERATURE: z.coerce.number({ error: 'must be a number' }).min(0).max(2).default(0.7),
  BISHOP_REPLY_TIMEOUT: seconds(120),
  BISHOP_TRUST_PROXY: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('false')
    .transform((value) => value === 'true'),
  BISHOP_GRAPHQL_INTROSPECTION: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('true')
    .transform((value) => value === 'true'),
  BISHOP_WEB_DIR: z.string().min(1).optional(),
  BISHOP_GATEWAY_URL: url(['http', 'https']).optional(),
  BISHOP_MEDIA_ORIGIN: origin.optional(),
  BISHOP_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Rules that join several variables; checked on the raw environment so every problem is reported at once. */
function crossFieldProblems(env: Record<string, string>): string[] {
  const problems: string[] = [];
  const needs = (name: string, when: string) => {
    if (!env[name]) problems.push(`${name} is required when ${when}`);
  };
  if (env.BISHOP_EVENT_STORE === 'esdb') {
    needs('BISHOP_ESDB_URL', 'BISHOP_EVENT_STORE=esdb');
    needs('BISHOP_DATABASE_URL', 'BISHOP_EVENT_STORE=esdb (keys and read models live in PostgreSQL)');
  }
  if (env.BISHOP_BUS === 'nats') needs('BISHOP_NATS_URL', 'BISHOP_BUS=nats');
  if (env.BISHOP_BLOB_STORE === 's3') {
    for (const name of ['BISHOP_S3_ENDPOINT', 'BISHOP_S3_ACCESS_KEY', 'BISHOP_S3_SECRET_KEY']) {
      needs(name, 'BISHOP_BLOB_STORE=s3');
    }
  }
  if (env.BISHOP_REPLY_MODE === 'remote') needs('BISHOP_LLM_URL', 'BISHOP_REPLY_MODE=remote');
  const llmUrl = env.BISHOP_LLM_URL;
  if (llmUrl) {
    needs('BISHOP_LLM_REMOTE_MODEL', 'BISHOP_LLM_URL is set (the model name the server serves)');
    const refused = env.BISHOP_LLM_ALLOW_LINK_LOCAL === 'true' ? null : safely(() => forbiddenHost(llmUrl));
    if (refused)
      problems.push(`BISHOP_LLM_URL is refused: ${refused} (set BISHOP_LLM_ALLOW_LINK_LOCAL=true to allow it)`);
  }
  return problems;
}

/** An invalid URL is reported by the schema; this check then has nothing to add. */
function safely(check: () => string | null): string | null {
  try {
    return check();
  } catch {
    return null;
  }
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
  const dataDir = resolve(e.BISHOP_DATA_DIR);
  const mb = 1024 * 1024;
  return {
    dataDir,
    host: e.BISHOP_HOST,
    port: e.BISHOP_PORT,
    /** Unset: embedded PostgreSQL (PGlite) in the data directory. */
    databaseUrl: e.BISHOP_DATABASE_URL,
    databaseSchema: e.BISHOP_DATABASE_SCHEMA,
    readSchema: e.BISHOP_READ_SCHEMA,
    eventStore: e.BISHOP_EVENT_STORE,
    esdbUrl: e.BISHOP_ESDB_URL,
    bus: e.BISHOP_BUS,
    natsUrl: e.BISHOP_NATS_URL,
    natsStream: e.BISHOP_NATS_STREAM,
    /** Prefixes every subject, so several Bishop installs (or test runs) can share one NATS server. */
    natsNamespace: e.BISHOP_NATS_NAMESPACE,
    blobStore: e.BISHOP_BLOB_STORE,
    blobDir: resolve(e.BISHOP_BLOB_DIR ?? join(dataDir, 'blobs')),
    s3: {
      endpoint: e.BISHOP_S3_ENDPOINT,
      accessKey: e.BISHOP_S3_ACCESS_KEY,
      secretKey: e.BISHOP_S3_SECRET_KEY,
      bucket: e.BISHOP_S3_BUCKET,
      region: e.BISHOP_S3_REGION,
    },
    masterKey: e.BISHOP_MASTER_KEY ? new Uint8Array(Buffer.from(e.BISHOP_MASTER_KEY, 'base64')) : undefined,
    modelsDir: resolve(e.BISHOP_MODELS_DIR ?? join(dataDir, 'models')),
    ffmpegPath: e.BISHOP_FFMPEG,
    tts: {
      /** Allowed engines, most preferred first; the first one installed speaks. */
      engines: e.BISHOP_TTS_ENGINES,
      http: e.BISHOP_TTS_HTTP_URL
        ? { url: e.BISHOP_TTS_HTTP_URL, apiKey: e.BISHOP_TTS_HTTP_API_KEY, timeoutSec: e.BISHOP_TTS_HTTP_TIMEOUT }
        : undefined,
      espeakProgram: e.BISHOP_ESPEAK,
    },
    uploads: {
      maxFileBytes: e.BISHOP_UPLOAD_MAX_FILE_MB * mb,
      maxUserBytes: e.BISHOP_UPLOAD_MAX_USER_MB * mb,
      maxFiles: e.BISHOP_UPLOAD_MAX_FILES,
      maxVoiceSampleBytes: 50 * mb,
    },
    accessTokenTtlSeconds: e.BISHOP_ACCESS_TOKEN_TTL,
    refreshTokenTtlSeconds: e.BISHOP_REFRESH_TOKEN_TTL,
    /** How long an operator's password-reset link works. */
    passwordResetTtlSeconds: e.BISHOP_PASSWORD_RESET_TTL,
    /** Sign-ups allowed per client address per hour. */
    signUpLimit: e.BISHOP_SIGNUP_LIMIT,
    /** Where people open Bishop (links the operator hands out); default: http://host:port. */
    publicUrl:
      e.BISHOP_PUBLIC_URL ??
      `http://${['0.0.0.0', '::'].includes(e.BISHOP_HOST) ? 'localhost' : e.BISHOP_HOST}:${e.BISHOP_PORT}`,
    /** SMTP server that mails password-reset links (smtp[s]://user:password@host:port); none: the operator makes links. */
    mail: e.BISHOP_SMTP_URL ? { smtpUrl: e.BISHOP_SMTP_URL, from: e.BISHOP_MAIL_FROM } : null,
    /** Worker kinds `bishop start` runs in its own process ("all", "none" or a list); others run as `bishop run worker`. */
    startWorkers: e.BISHOP_START_WORKERS,
    /** Training runs (of different avatars) one worker process builds at once. */
    trainConcurrency: e.BISHOP_TRAIN_CONCURRENCY,
    /** The JS heap of a `bishop run worker extract` process, in MB (0: Node's default); see heap-cap.ts. */
    extractHeapMb: e.BISHOP_EXTRACT_HEAP_MB,
    /** Live voice calls: how many one gateway process carries, and how long they may last. */
    calls: {
      maxConcurrent: e.BISHOP_CALL_MAX_CONCURRENT,
      idleSec: e.BISHOP_CALL_IDLE_SEC,
      maxSec: e.BISHOP_CALL_MAX_SEC,
      endOfTurnMs: e.BISHOP_CALL_END_OF_TURN_MS,
    },
    replies: {
      mode: e.BISHOP_REPLY_MODE,
      remote:
        e.BISHOP_LLM_URL && e.BISHOP_LLM_REMOTE_MODEL
          ? {
              url: e.BISHOP_LLM_URL,
              apiKey: e.BISHOP_LLM_API_KEY,
              model: e.BISHOP_LLM_REMOTE_MODEL,
              contextTokens: e.BISHOP_LLM_CONTEXT_TOKENS,
              allowLinkLocal: e.BISHOP_LLM_ALLOW_LINK_LOCAL === 'true',
            }
          : undefined,
      maxContextTokens: e.BISHOP_LLM_CONTEXT_TOKENS,
      threads: e.BISHOP_LLM_THREADS,
      maxNewTokens: e.BISHOP_REPLY_MAX_TOKENS,
      temperature: e.BISHOP_REPLY_TEMPERATURE,
      timeoutMs: e.BISHOP_REPLY_TIMEOUT * 1000,
    },
    /** Behind a reverse proxy (the web role, a load balancer): client addresses come from X-Forwarded-For. */
    trustProxy: e.BISHOP_TRUST_PROXY,
    /** `false` refuses GraphQL introspection (`__schema`, `__type`): the schema stays unlisted to strangers. */
    graphqlIntrospection: e.BISHOP_GRAPHQL_INTROSPECTION,
    /** The built web app (web/build by default) that `bishop start` and `bishop run web` serve. */
    webDir: resolve(e.BISHOP_WEB_DIR ?? join(repositoryRoot, 'web', 'build')),
    /** Where `bishop run web` forwards /graphql and /api (a gateway, or a load balancer in front of several). */
    gatewayUrl: e.BISHOP_GATEWAY_URL,
    /** A separate origin for user files (signed media URLs point there); unset: the app's own origin. */
    mediaOrigin: e.BISHOP_MEDIA_ORIGIN,
    logLevel: e.BISHOP_LOG_LEVEL,
  } as const;
}

/** `FOO=` in a shell means "unset", not "the empty string". */
function stripEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => !!entry[1]));
}
