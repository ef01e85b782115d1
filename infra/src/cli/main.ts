#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { checkModels, missingModelsAdvice, modelSettings } from '@bishop/ml-workers/models';
import { ConfigError, configFromEnvironment } from '../config/config.ts';
import { workerKinds } from '../runtime/roles/workers-role.ts';
import { bishopVersion } from '../runtime/version.ts';
import { runAuditCommand } from './audit-command.ts';
import { runModelsCommand } from './models-command.ts';
import { runProjectionsCommand } from './projections-command.ts';
import { runRoleCommand } from './run-command.ts';
import { startBishop } from './start.ts';
import { runUsersCommand } from './users-command.ts';

const usage = `Bishop ${bishopVersion}: create, train and test AI avatars.

Usage: bishop <command>

Commands:
  start                        run everything in one process (embedded defaults; configure with BISHOP_* env vars)
  run <role>                   run one role as its own process: gateway, projector, relay, web,
                               or worker <kind> (${workerKinds.join(', ')}); needs BISHOP_DATABASE_URL
  worker <kind>                the same as run worker <kind>
  projections rebuild          replay every event into fresh read models and swap them in
  projections status           how far the read models are; the event the projector is stalled on, if any
  models check [capability…]   say which ML models are installed in BISHOP_MODELS_DIR
  models pull [capability…]    download the configured models (needs internet)
  audit verify <avatarId>      prove the avatar's history intact (hash chains), or show what was altered
  users reset-password <email> print a one-time link that sets a new password and lifts the lockout
  help                         show this text

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
  const [command, action, ...rest] = positionals;
  if (values.help || !command || command === 'help') {
    console.log(usage);
    return command || values.help ? 0 : 1;
  }
  switch (command) {
    case 'start':
      return runStart();
    case 'run':
      return runRoleCommand(
        configFromEnvironment(),
        [action, ...rest].filter((arg) => arg !== undefined),
      );
    case 'worker':
      // Kept from before `bishop run`: an alias of `bishop run worker <kind>`.
      return runRoleCommand(configFromEnvironment(), ['worker', ...[action].filter((arg) => arg !== undefined)]);
    case 'projections':
      return runProjectionsCommand(configFromEnvironment(), action);
    case 'models':
      return runModelsCommand(configFromEnvironment(), action, rest);
    case 'audit':
      return runAuditCommand(configFromEnvironment(), action, rest);
    case 'users':
      return runUsersCommand(configFromEnvironment(), action, rest);
    default:
      console.error(`Unknown command "${command}".\n\n${usage}`);
      return 1;
  }
}

async function runStart(): Promise<number> {
  const config = configFromEnvironment();
  const bishop = await startBishop(config);
  console.log(`Bishop is listening on ${bishop.url} (data: ${config.dataDir})`);
  console.log(`Health: ${bishop.url}/healthz  Readiness: ${bishop.url}/readyz  Stop: Ctrl+C`);
  // A newcomer learns here, not from a failed upload, which features lack a model and how to add them.
  const models = modelSettings(config.modelsDir);
  for (const line of missingModelsAdvice(await checkModels(models), models)) console.log(line);
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
    // Configuration mistakes are the operator's to fix: the message says what, no stack needed.
    if (error instanceof ConfigError || (error instanceof Error && error.name.endsWith('ConfigError'))) {
      console.error(error.message);
    } else {
      console.error('Bishop failed:', error);
    }
    process.exitCode = 1;
  },
);
