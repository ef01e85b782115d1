import type { ApiTokensTable } from '../api-tokens/api-tokens.table.ts';
import type { AvatarsTable } from '../avatars/avatars.table.ts';
import type { BlindTestInvitesTable, BlindTestScoresTable } from '../blind-tests/blind-tests.table.ts';
import type { ChatsTable } from '../chats/chats.table.ts';
import type { ProjectionCheckpointsTable } from '../checkpoints/checkpoints.table.ts';
import type { MaterialsTable } from '../materials/materials.table.ts';
import type { MessagesTable } from '../messages/messages.table.ts';
import type { PersonaVersionsTable } from '../persona-versions/persona-versions.table.ts';
import type { AvatarTestReportsTable } from '../test-reports/test-reports.table.ts';
import type { AvatarTimelineTable } from '../timeline/timeline.table.ts';
import type { TrainingRunsTable } from '../training-runs/training-runs.table.ts';
import type { UsersTable } from '../users/users.table.ts';
import type { VoiceConsentsTable } from '../voices/voice-consents.table.ts';
import type { VoiceSamplesTable } from '../voices/voice-samples.table.ts';

/** Every read-model table, as Kysely sees the read schema (default `bishop_read`). */
export interface ReadModels {
  users: UsersTable;
  api_tokens: ApiTokensTable;
  avatars: AvatarsTable;
  voice_consents: VoiceConsentsTable;
  voice_samples: VoiceSamplesTable;
  materials: MaterialsTable;
  training_runs: TrainingRunsTable;
  persona_versions: PersonaVersionsTable;
  avatar_test_reports: AvatarTestReportsTable;
  blind_test_invites: BlindTestInvitesTable;
  blind_test_scores: BlindTestScoresTable;
  chats: ChatsTable;
  messages: MessagesTable;
  avatar_timeline: AvatarTimelineTable;
  projection_checkpoints: ProjectionCheckpointsTable;
}

export type ReadModelTable = keyof ReadModels;

/** The read-model tables with the columns that order their rows, for checksums and copies. */
export const readModelTables = {
  users: ['user_id'],
  api_tokens: ['token_id'],
  avatars: ['avatar_id'],
  voice_consents: ['avatar_id'],
  voice_samples: ['sample_id'],
  materials: ['material_id'],
  training_runs: ['run_id'],
  persona_versions: ['avatar_id', 'version'],
  avatar_test_reports: ['run_id'],
  blind_test_invites: ['invite_id'],
  blind_test_scores: ['score_id'],
  chats: ['chat_id'],
  messages: ['message_id'],
  avatar_timeline: ['position'],
  projection_checkpoints: ['name'],
} as const satisfies { [Table in ReadModelTable]: readonly (keyof ReadModels[Table] & string)[] };

export const DEFAULT_READ_SCHEMA = 'bishop_read';
