import type { ReadModelTable } from '../schema/read-models.ts';

/** How a personal value sits in its column once sealed: text as is, json as a JSON string, text[] as one element. */
export type SealedColumnKind = 'text' | 'json' | 'array';

export interface PersonalColumnsOfTable {
  /** Whose data key seals the row's personal columns (the subject of the events they come from). */
  readonly subjectOf: (row: Record<string, unknown>) => string;
  readonly columns: Readonly<Record<string, SealedColumnKind>>;
}

const avatarOfRow = (row: Record<string, unknown>) => `avatar-${String(row.avatar_id)}`;

/**
 * Every read-model column that holds personal data (what the events' personal
 * fields carry): sealed at rest with the data subject's key, like the events,
 * so shredding the key leaves dead tuples, WAL and backups unreadable too.
 */
export const personalColumns: Partial<Record<ReadModelTable, PersonalColumnsOfTable>> = {
  users: { subjectOf: (row) => `user-${String(row.user_id)}`, columns: { email: 'text', full_name: 'text' } },
  api_tokens: { subjectOf: (row) => `user-${String(row.owner_id)}`, columns: { name: 'text' } },
  avatars: {
    subjectOf: avatarOfRow,
    columns: {
      name: 'text',
      description: 'text',
      personality: 'text',
      scenario: 'text',
      instructions: 'text',
      gender: 'text',
    },
  },
  voice_consents: { subjectOf: avatarOfRow, columns: { person_name: 'text', statement: 'text' } },
  // A preview's text is whatever the user asked the cloned voice to say.
  voice_samples: { subjectOf: avatarOfRow, columns: { source: 'json', preview_text: 'text' } },
  materials: {
    subjectOf: avatarOfRow,
    columns: {
      file_name: 'text',
      participants: 'array',
      chosen_participant: 'text',
      chosen_participants: 'array',
      preview: 'text',
      chat_facts: 'json',
      notes: 'array',
    },
  },
  avatar_test_reports: { subjectOf: avatarOfRow, columns: { report: 'json' } },
  chats: { subjectOf: avatarOfRow, columns: { title: 'text' } },
  messages: {
    subjectOf: avatarOfRow,
    columns: {
      text: 'text',
      reply_text: 'text',
      // What a reply drew on quotes the person; alternatives are other replies; segments and the heard
      // part are a voice message's and a cut reply's words.
      reply_sources: 'json',
      alternatives: 'json',
      voice_segments: 'json',
      reply_heard_text: 'text',
    },
  },
};

/**
 * The read models' text, json and array columns that hold no personal data: ids, keys, codes, states,
 * figures and the system's own sentences. Together with `personalColumns` it names every such column
 * (a contract test checks it against the schema), so a new column must be decided on, not forgotten.
 */
export const wordlessColumns: Partial<
  Record<ReadModelTable | 'kysely_migration' | 'kysely_migration_lock', readonly string[]>
> = {
  users: ['erased_fields'],
  api_tokens: ['erased_fields', 'token_hash'],
  avatars: ['erased_fields', 'languages', 'status'],
  voice_consents: ['basis', 'erased_fields', 'given_on', 'recorded_by'],
  voice_samples: [
    'blob_key',
    'erased_fields',
    'preview_blob_key',
    'preview_reason',
    'preview_reason_code',
    'preview_state',
    'preview_voice',
    'reason',
    'reason_code',
    'state',
  ],
  materials: [
    'blob_key',
    'decoded_media',
    'erased_fields',
    'failure_reason',
    'failure_reason_code',
    'kind',
    'language',
    'media_type',
    'segments_blob_key',
    'sha256',
    'speaker_failure_code',
    'speaker_failure_reason',
    'state',
    'text_blob_key',
  ],
  training_runs: [
    'failure_reason',
    'failure_reason_code',
    'material_ids',
    'settings',
    'snapshot_key',
    'stage',
    'stats',
    'status',
  ],
  persona_versions: ['snapshot_key', 'stats'],
  avatar_test_reports: ['erased_fields', 'status'],
  // The hash of a random invite token, and `<avatar id>:<version>`.
  blind_test_invites: ['token_hash'],
  blind_test_scores: ['score_id'],
  chats: ['erased_fields', 'status'],
  messages: [
    'dub_blob_key',
    'dub_reason',
    'dub_reason_code',
    'dub_state',
    'dub_voice',
    'erased_fields',
    'failure_reason',
    'failure_reason_code',
    'kind',
    'reply_model',
    'reply_rating',
    'reply_source_ids',
    'reply_state',
    'voice_blob_key',
    'voice_language',
    'voice_media_type',
    'voice_state',
  ],
  // Summaries and details never quote personal text (the timeline's own test checks it).
  avatar_timeline: ['actor_id', 'chain_hash', 'details', 'event_type', 'kind', 'summary'],
  projection_checkpoints: ['name', 'stalled_event_type', 'stalled_reason'],
  kysely_migration: ['name', 'timestamp'],
  kysely_migration_lock: ['id'],
};
