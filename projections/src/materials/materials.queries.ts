import type { Kysely } from 'kysely';
import { oneRowPerId, rowsPerId } from '../queries/by-ids.ts';
import type { ReadModels } from '../schema/read-models.ts';
import type { MaterialRow } from './materials.table.ts';

export interface MaterialListOptions {
  readonly includeRemoved?: boolean;
}

/** An avatar's materials in upload order (at most 1,000 live ones per avatar, so no pages). */
export async function listMaterials(
  db: Kysely<ReadModels>,
  ownerId: string,
  avatarId: string,
  options: MaterialListOptions = {},
): Promise<MaterialRow[]> {
  const [materials] = await findMaterialsByAvatarIds(db, ownerId, [avatarId], options);
  return materials ?? [];
}

export async function findMaterialById(db: Kysely<ReadModels>, ownerId: string, materialId: string) {
  const [material] = await oneRowPerId(
    [materialId],
    (ids) =>
      db.selectFrom('materials').selectAll().where('owner_id', '=', ownerId).where('material_id', 'in', ids).execute(),
    (row) => row.material_id,
  );
  return material ?? null;
}

/** For a GraphQL loader (a reply's sources): one entry per id, in input order, null where missing. */
export function findMaterialsByIds(
  db: Kysely<ReadModels>,
  ownerId: string,
  materialIds: readonly string[],
): Promise<(MaterialRow | null)[]> {
  return oneRowPerId(
    materialIds,
    (ids) =>
      db.selectFrom('materials').selectAll().where('owner_id', '=', ownerId).where('material_id', 'in', ids).execute(),
    (row) => row.material_id,
  );
}

/** For a GraphQL loader: each avatar's materials, in input order. */
export function findMaterialsByAvatarIds(
  db: Kysely<ReadModels>,
  ownerId: string,
  avatarIds: readonly string[],
  options: MaterialListOptions = {},
): Promise<MaterialRow[][]> {
  return rowsPerId(
    avatarIds,
    (ids) =>
      db
        .selectFrom('materials')
        .selectAll()
        .where('owner_id', '=', ownerId)
        .where('avatar_id', 'in', ids)
        .$if(!options.includeRemoved, (query) => query.where('removed', '=', false))
        .orderBy('uploaded_position')
        .execute(),
    (row) => row.avatar_id,
  );
}
