import type { Gender } from '@bishop/domain';
import type { Insertable, Selectable } from 'kysely';

export const avatarStatuses = ['active', 'deleted'] as const;
export type AvatarStatus = (typeof avatarStatuses)[number];

export interface AvatarsTable {
  avatar_id: string;
  owner_id: string;
  name: string | null;
  status: AvatarStatus;
  // The persona card.
  description: string | null;
  personality: string | null;
  scenario: string | null;
  instructions: string | null;
  gender: Gender | null;
  languages: string[];
  active_persona_version: number | null;
  /** The run in progress, if any. */
  training_run_id: string | null;
  /** Materials not removed. */
  material_count: number;
  /** Chats not deleted. */
  chat_count: number;
  /** `$all` position of AvatarCreated: the stable order of an owner's avatar list. */
  created_position: bigint;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
  erased_fields: string[];
  last_position: bigint;
}

export type AvatarRow = Selectable<AvatarsTable>;
export type NewAvatarRow = Insertable<AvatarsTable>;
