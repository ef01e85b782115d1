import type { AvatarRow } from '../avatars/avatars.table.ts';
import { erasedColumnsAfter, personal } from '../events/erasure.ts';
import type { AvatarStreamEvent } from '../events/projected-event.ts';
import type { TestReportRow } from './test-reports.table.ts';

/** A run's test report after AvatarTested: a later test of the same run replaces the report. */
export function testReportAfter(
  report: TestReportRow | undefined,
  event: AvatarStreamEvent,
  avatar: AvatarRow,
): TestReportRow | undefined {
  if (event.type !== 'AvatarTested') return undefined;
  return {
    run_id: event.data.runId,
    avatar_id: avatar.avatar_id,
    owner_id: avatar.owner_id,
    persona_version: event.data.personaVersion,
    report: personal(event, 'report', event.data.report),
    created_at: report?.created_at ?? event.occurredAt,
    updated_at: event.occurredAt,
    erased_fields: erasedColumnsAfter(report?.erased_fields ?? [], event, { report: 'report' }),
    last_position: event.position,
  };
}
