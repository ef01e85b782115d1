import type { Insertable, Selectable } from 'kysely';

export const chatStatuses = ['open', 'deleted'] as const;
export type ChatStatus = (typeof chatStatuses)[number];

export interface ChatsTable {
  chat_id: string;
  avatar_id: string;
  owner_id: string;
  title: string | null;
  /** `deleted` also when the avatar was deleted: its chats went with it. */
  status: ChatStatus;
  /** Time travel: the persona version this chat is pinned to; null follows the active one. */
  persona_version: number | null;
  /** Messages the user sent. */
  message_count: number;
  /** Last message or reply. */
  last_message_at: Date | null;
  /** `$all` position of ChatOpened: the stable order of an avatar's chats. */
  opened_position: bigint;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
  erased_fields: string[];
  last_position: bigint;
}

export type ChatRow = Selectable<ChatsTable>;
export type NewChatRow = Insertable<ChatsTable>;
