import { type Kysely, sql } from 'kysely';
import { rowsPerId } from '../queries/by-ids.ts';
import type { ReadModels } from '../schema/read-models.ts';
import type { PersonaVersionRow } from './persona-versions.table.ts';

export type PersonaVersion = PersonaVersionRow & {
  /** The version that answers for the avatar now. */
  readonly active: boolean;
};

/** An avatar's persona versions, newest first. */
export async function listPersonaVersions(
  db: Kysely<ReadModels>,
  ownerId: string,
  avatarId: string,
): Promise<PersonaVersion[]> {
  const [versions] = await findPersonaVersionsByAvatarIds(db, ownerId, [avatarId]);
  return versions ?? [];
}

/** For a GraphQL loader: each avatar's versions, in input order. */
export function findPersonaVersionsByAvatarIds(
  db: Kysely<ReadModels>,
  ownerId: string,
  avatarIds: readonly string[],
): Promise<PersonaVersion[][]> {
  return rowsPerId(
    avatarIds,
    (ids) =>
      db
        .selectFrom('persona_versions as version')
        .innerJoin('avatars as avatar', 'avatar.avatar_id', 'version.avatar_id')
        .selectAll('version')
        .select(sql<boolean>`coalesce(version.version = avatar.active_persona_version, false)`.as('active'))
        .where('version.owner_id', '=', ownerId)
        .where('version.avatar_id', 'in', ids)
        .orderBy('version.version', 'desc')
        .execute(),
    (row) => row.avatar_id,
  );
}
