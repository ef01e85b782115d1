import type { Kysely } from 'kysely';
import { oneRowPerId, possibleIds } from '../queries/by-ids.ts';
import { fetchPage, type Page, type PageRequest } from '../queries/page.ts';
import type { ReadModels } from '../schema/read-models.ts';
import type { TrainingRunRow } from './training-runs.table.ts';

/** An avatar's training runs, newest first. */
export function listTrainingRuns(
  db: Kysely<ReadModels>,
  ownerId: string,
  avatarId: string,
  request: PageRequest = {},
): Promise<Page<TrainingRunRow>> {
  return fetchPage(
    request,
    (row) => row.started_position,
    async (after, limit) =>
      possibleIds([avatarId]).length === 0
        ? []
        : db
            .selectFrom('training_runs')
            .selectAll()
            .where('owner_id', '=', ownerId)
            .where('avatar_id', '=', avatarId)
            .$if(after !== null, (query) => query.where('started_position', '<', after ?? 0n))
            .orderBy('started_position', 'desc')
            .limit(limit)
            .execute(),
  );
}

export async function findTrainingRunById(db: Kysely<ReadModels>, ownerId: string, runId: string) {
  const [run] = await findTrainingRunsByIds(db, ownerId, [runId]);
  return run ?? null;
}

/** For a GraphQL loader: one entry per id, in input order, null where missing. */
export function findTrainingRunsByIds(
  db: Kysely<ReadModels>,
  ownerId: string,
  runIds: readonly string[],
): Promise<(TrainingRunRow | null)[]> {
  return oneRowPerId(
    runIds,
    (ids) =>
      db.selectFrom('training_runs').selectAll().where('owner_id', '=', ownerId).where('run_id', 'in', ids).execute(),
    (row) => row.run_id,
  );
}
