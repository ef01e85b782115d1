import type { Insertable, Selectable } from 'kysely';

/** One row per registered user; a user owns their own row (`user_id` is the owner). */
export interface UsersTable {
  user_id: string;
  email: string | null;
  full_name: string | null;
  registered_at: Date;
  updated_at: Date;
  /** When the account was deleted (its personal columns are then erased). */
  deleted_at: Date | null;
  /** Personal columns whose data was erased (crypto-shredded): the API shows them as "erased". */
  erased_fields: string[];
  /** `$all` position of the last event applied to the row: an older event replayed is a no-op. */
  last_position: bigint;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
