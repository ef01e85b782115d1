#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { ConfigError, configFromEnvironment } from '../config/config.ts';
import { bishopVersion } from '../runtime/version.ts';
import { startBishop } from './start.ts';

const usage = `Bishop ${bishopVersion}: create, train and test AI avatars.

Usage: bishop <command>

Commands:
  start        run everything in one process (embedded defaults; configure with BISHOP_* env vars)
  help         show this text

Configuration: see README.md, "Configuration".`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' } },
  });
  if (values.version) {
    console.log(bishopVersion);
    return 0;
  }
  const [command] = positionals;
  if (values.help || !command || command === 'help') {
    console.log(usage);
    return command || values.help ? 0 : 1;
  }
  if (command === 'start') return runStart();
  console.error(`Unknown command "${command}".\n\n${usage}`);
  return 1;
}

async function runStart(): Promise<number> {
  const config = configFromEnvironment();
  const bishop = await startBishop(config);
  console.log(`Bishop is listening on ${bishop.url} (data: ${config.dataDir})`);
  console.log(`Health: ${bishop.url}/healthz  Readiness: ${bishop.url}/readyz  Stop: Ctrl+C`);
  await new Promise<void>((resolve) => {
    const shutdown = () => void bishop.stop().then(resolve);
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(error.message);
    else console.error('Bishop failed:', error);
    process.exitCode = 1;
  },
);
