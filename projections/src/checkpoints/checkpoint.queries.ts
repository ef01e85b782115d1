import type { Kysely } from 'kysely';
import type { ReadModels } from '../schema/read-models.ts';

/** The last `$all` position the named projector applied to this schema (0n before any). */
export async function readCheckpoint(db: Kysely<ReadModels>, name: string): Promise<bigint> {
  const row = await db
    .selectFrom('projection_checkpoints')
    .select('position')
    .where('name', '=', name)
    .executeTakeFirst();
  return row?.position ?? 0n;
}

export async function writeCheckpoint(db: Kysely<ReadModels>, name: string, position: bigint): Promise<void> {
  await db
    .insertInto('projection_checkpoints')
    .values({ name, position, updated_at: new Date() })
    .onConflict((conflict) =>
      conflict.column('name').doUpdateSet((eb) => ({
        position: eb.ref('excluded.position'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}
