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

/** Moves the checkpoint; getting past an event also clears the stall it caused. */
export async function writeCheckpoint(db: Kysely<ReadModels>, name: string, position: bigint): Promise<void> {
  await db
    .insertInto('projection_checkpoints')
    .values({ name, position, updated_at: new Date() })
    .onConflict((conflict) =>
      conflict.column('name').doUpdateSet((eb) => ({
        position: eb.ref('excluded.position'),
        updated_at: eb.ref('excluded.updated_at'),
        stalled_position: null,
        stalled_event_type: null,
        stalled_reason: null,
        stalled_since: null,
        stalled_attempts: null,
      })),
    )
    .execute();
}

/** An event the projector keeps failing to apply: everything after it waits. */
export interface ProjectionStall {
  readonly position: bigint;
  readonly eventType: string;
  readonly reason: string;
  readonly since: Date;
  readonly attempts: number;
}

export interface ProjectionStatus {
  readonly checkpoint: bigint;
  readonly stall: ProjectionStall | null;
}

/** Records a stall where every process (gateways' /readyz, `bishop projections status`) can see it. */
export async function recordStall(db: Kysely<ReadModels>, name: string, stall: ProjectionStall): Promise<void> {
  const columns = {
    stalled_position: stall.position,
    stalled_event_type: stall.eventType,
    stalled_reason: stall.reason,
    stalled_since: stall.since,
    stalled_attempts: stall.attempts,
  };
  await db
    .insertInto('projection_checkpoints')
    .values({ name, position: 0n, updated_at: new Date(), ...columns })
    .onConflict((conflict) => conflict.column('name').doUpdateSet(columns))
    .execute();
}

export async function readProjectionStatus(db: Kysely<ReadModels>, name: string): Promise<ProjectionStatus> {
  const row = await db.selectFrom('projection_checkpoints').selectAll().where('name', '=', name).executeTakeFirst();
  if (row === undefined) return { checkpoint: 0n, stall: null };
  const stalled = row.stalled_position !== null && row.stalled_since !== null;
  return {
    checkpoint: row.position,
    stall: stalled
      ? {
          position: BigInt(row.stalled_position as bigint),
          eventType: row.stalled_event_type ?? 'unknown',
          reason: row.stalled_reason ?? '',
          since: new Date(row.stalled_since as Date),
          attempts: row.stalled_attempts ?? 0,
        }
      : null,
  };
}
