import type { ChangeNotice } from '@bishop/domain';
import type { Selectable } from 'kysely';
import type { ReadModels } from '../schema/read-models.ts';

/** A change notice before the position of the event that caused it is known. */
export type Notice = Omit<ChangeNotice, 'position'>;
type NoticeOf<Table extends keyof ReadModels> = (row: Selectable<ReadModels[Table]>) => Notice;

/** The change notice each kept-in-place row emits when it changes. */
export const rowNotices = {
  users: (row) => ({ kind: 'user', ownerId: row.user_id, id: row.user_id }),
  api_tokens: (row) => ({ kind: 'apiToken', ownerId: row.owner_id, id: row.token_id }),
  avatars: (row) => ({ kind: 'avatar', ownerId: row.owner_id, avatarId: row.avatar_id, id: row.avatar_id }),
  voice_consents: (row) => ({ kind: 'voice', ownerId: row.owner_id, avatarId: row.avatar_id, id: row.avatar_id }),
  voice_samples: (row) => ({ kind: 'voice', ownerId: row.owner_id, avatarId: row.avatar_id, id: row.avatar_id }),
  materials: (row) => ({ kind: 'material', ownerId: row.owner_id, avatarId: row.avatar_id, id: row.material_id }),
  training_runs: (row) => ({ kind: 'training', ownerId: row.owner_id, avatarId: row.avatar_id, id: row.run_id }),
  avatar_test_reports: (row) => ({
    kind: 'testReport',
    ownerId: row.owner_id,
    avatarId: row.avatar_id,
    id: row.run_id,
  }),
  blind_test_invites: (row) => ({
    kind: 'blindTest',
    ownerId: row.owner_id,
    avatarId: row.avatar_id,
    id: row.invite_id,
  }),
  blind_test_scores: (row) => ({
    kind: 'blindTest',
    ownerId: row.owner_id,
    avatarId: row.avatar_id,
    id: row.score_id,
  }),
  chats: (row) => ({
    kind: 'chat',
    ownerId: row.owner_id,
    avatarId: row.avatar_id,
    chatId: row.chat_id,
    id: row.chat_id,
  }),
  messages: (row) => ({
    kind: 'message',
    ownerId: row.owner_id,
    avatarId: row.avatar_id,
    chatId: row.chat_id,
    id: row.message_id,
  }),
} satisfies { [Table in keyof ReadModels]?: NoticeOf<Table> };

/** The tables whose rows a batch loads, changes in memory and writes back. */
export type CachedTable = keyof typeof rowNotices;
