import type { Kysely } from 'kysely';
import { oneRowPerId } from '../queries/by-ids.ts';
import { fetchPage, type Page, type PageRequest } from '../queries/page.ts';
import type { ReadModels } from '../schema/read-models.ts';
import type { AvatarRow } from './avatars.table.ts';

// Every query takes the authenticated caller's user id (`ownerId`) and never returns another owner's rows.

export interface AvatarListRequest extends PageRequest {
  /** Deleted avatars are tombstones; lists leave them out unless asked. */
  readonly includeDeleted?: boolean;
}

/** The owner's avatars, newest first. */
export function listAvatars(
  db: Kysely<ReadModels>,
  ownerId: string,
  request: AvatarListRequest = {},
): Promise<Page<AvatarRow>> {
  return fetchPage(
    request,
    (row) => row.created_position,
    (after, limit) =>
      db
        .selectFrom('avatars')
        .selectAll()
        .where('owner_id', '=', ownerId)
        .$if(!request.includeDeleted, (query) => query.where('status', '=', 'active'))
        .$if(after !== null, (query) => query.where('created_position', '<', after ?? 0n))
        .orderBy('created_position', 'desc')
        .limit(limit)
        .execute(),
  );
}

/** The avatar, deleted or not. */
export async function findAvatarById(db: Kysely<ReadModels>, ownerId: string, avatarId: string) {
  const [avatar] = await findAvatarsByIds(db, ownerId, [avatarId]);
  return avatar ?? null;
}

/** For a GraphQL loader: one entry per id, in input order, null where missing. */
export function findAvatarsByIds(
  db: Kysely<ReadModels>,
  ownerId: string,
  avatarIds: readonly string[],
): Promise<(AvatarRow | null)[]> {
  return oneRowPerId(
    avatarIds,
    (ids) =>
      db.selectFrom('avatars').selectAll().where('owner_id', '=', ownerId).where('avatar_id', 'in', ids).execute(),
    (row) => row.avatar_id,
  );
}
