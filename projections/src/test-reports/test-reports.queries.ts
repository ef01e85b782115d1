import type { Kysely } from 'kysely';
import { oneRowPerId, rowsPerId } from '../queries/by-ids.ts';
import type { ReadModels } from '../schema/read-models.ts';
import type { TestReportRow } from './test-reports.table.ts';

/** An avatar's test reports, newest persona version first. */
export async function listTestReports(
  db: Kysely<ReadModels>,
  ownerId: string,
  avatarId: string,
): Promise<TestReportRow[]> {
  const [reports] = await rowsPerId(
    [avatarId],
    (ids) =>
      db
        .selectFrom('avatar_test_reports')
        .selectAll()
        .where('owner_id', '=', ownerId)
        .where('avatar_id', 'in', ids)
        .orderBy('persona_version', 'desc')
        .orderBy('run_id')
        .execute(),
    (row) => row.avatar_id,
  );
  return reports ?? [];
}

/** For a GraphQL loader (a run's report): one entry per run id, in input order, null where untested. */
export function findTestReportsByRunIds(
  db: Kysely<ReadModels>,
  ownerId: string,
  runIds: readonly string[],
): Promise<(TestReportRow | null)[]> {
  return oneRowPerId(
    runIds,
    (ids) =>
      db
        .selectFrom('avatar_test_reports')
        .selectAll()
        .where('owner_id', '=', ownerId)
        .where('run_id', 'in', ids)
        .execute(),
    (row) => row.run_id,
  );
}
