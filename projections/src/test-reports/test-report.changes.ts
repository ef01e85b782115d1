import type { AvatarRow } from '../avatars/avatars.table.ts';
import { erasedColumnsAfter, personal } from '../events/erasure.ts';
import { ignoredBy, leftAsIs } from '../events/ignored-events.ts';
import type { AvatarStreamEvent } from '../events/projected-event.ts';
import type { TestReportRow } from './test-reports.table.ts';

/**
 * A run's test: running from AvatarTestStarted (an earlier report stays until
 * the new one lands), done with AvatarTested, whose report replaces the last.
 */
export function testReportAfter(
  report: TestReportRow | undefined,
  event: AvatarStreamEvent,
  avatar: AvatarRow,
): TestReportRow | undefined {
  const base = {
    avatar_id: avatar.avatar_id,
    owner_id: avatar.owner_id,
    created_at: report?.created_at ?? event.occurredAt,
    updated_at: event.occurredAt,
    last_position: event.position,
  };
  switch (event.type) {
    case 'AvatarTestStarted':
      return {
        ...base,
        run_id: event.data.runId,
        persona_version: event.data.personaVersion,
        status: 'running',
        report: report?.report ?? null,
        started_at: event.occurredAt,
        erased_fields: report?.erased_fields ?? [],
      };
    case 'AvatarTested':
      return {
        ...base,
        run_id: event.data.runId,
        persona_version: event.data.personaVersion,
        status: 'done',
        report: personal(event, 'report', event.data.report),
        started_at: report?.started_at ?? null,
        erased_fields: erasedColumnsAfter(report?.erased_fields ?? [], event, { report: 'report' }),
      };
    default:
      return leftAsIs(ignoredBy.testReports, event);
  }
}
