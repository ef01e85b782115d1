import type { Kysely } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import { apiTokensMigrations } from '../api-tokens/api-tokens.migrations.ts';
import { avatarsMigrations } from '../avatars/avatars.migrations.ts';
import { blindTestsMigrations } from '../blind-tests/blind-tests.migrations.ts';
import { chatsMigrations } from '../chats/chats.migrations.ts';
import { checkpointsMigrations } from '../checkpoints/checkpoints.migrations.ts';
import { materialsMigrations } from '../materials/materials.migrations.ts';
import { messagesMigrations } from '../messages/messages.migrations.ts';
import { messageAlternativesMigrations } from '../messages/messages-alternatives.migrations.ts';
import { personaVersionsMigrations } from '../persona-versions/persona-versions.migrations.ts';
import { testReportsMigrations } from '../test-reports/test-reports.migrations.ts';
import { timelineMigrations } from '../timeline/timeline.migrations.ts';
import { trainingRunsMigrations } from '../training-runs/training-runs.migrations.ts';
import { usersMigrations } from '../users/users.migrations.ts';
import { voicesMigrations } from '../voices/voices.migrations.ts';
import type { ReadModels } from './read-models.ts';

/** Each read model keeps its migrations in its own folder; Kysely runs them in name (= time) order. */
const readModelMigrations: Record<string, Migration> = {
  ...usersMigrations,
  ...apiTokensMigrations,
  ...avatarsMigrations,
  ...voicesMigrations,
  ...materialsMigrations,
  ...trainingRunsMigrations,
  ...personaVersionsMigrations,
  ...testReportsMigrations,
  ...blindTestsMigrations,
  ...chatsMigrations,
  ...messagesMigrations,
  ...messageAlternativesMigrations,
  ...timelineMigrations,
  ...checkpointsMigrations,
};

const provider: MigrationProvider = { getMigrations: async () => readModelMigrations };

/** Creates the schema if needed and brings its tables to the latest migration; safe to run concurrently. */
export async function migrateReadModels(db: Kysely<ReadModels>, schema: string): Promise<void> {
  const migrator = new Migrator({ db: db.withSchema(schema), provider, migrationTableSchema: schema });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Read-model migration ${failed} failed in schema "${schema}": ${String(error)}`, { cause: error });
  }
}
