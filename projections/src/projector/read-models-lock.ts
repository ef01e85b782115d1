import { type Kysely, sql } from 'kysely';
import type { ReadModels } from '../schema/read-models.ts';

/**
 * Transaction-scoped advisory lock on one read schema: every projector batch
 * and the rebuild's swap take it, so batches of several projectors never
 * interleave and no batch commits into a schema while it is being swapped.
 */
export async function lockReadModels(trx: Kysely<ReadModels>, schema: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`bishop-read-models:${schema}`}, 0))`.execute(trx);
}
