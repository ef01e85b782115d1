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
  voice_samples: { subjectOf: avatarOfRow, columns: { source: 'json' } },
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
  messages: { subjectOf: avatarOfRow, columns: { text: 'text', reply_text: 'text' } },
};
