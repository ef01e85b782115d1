import type { Kysely } from 'kysely';
import type { ReadModels } from '../schema/read-models.ts';
import type { UserRow } from './users.table.ts';

/** A user only ever sees themself: `userId` must be the caller's own id. */
export async function findUserById(db: Kysely<ReadModels>, ownerId: string, userId: string): Promise<UserRow | null> {
  if (userId !== ownerId) return null;
  return (await db.selectFrom('users').selectAll().where('user_id', '=', ownerId).executeTakeFirst()) ?? null;
}
