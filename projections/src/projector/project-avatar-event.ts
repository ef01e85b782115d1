import { avatarAfter } from '../avatars/avatar.changes.ts';
import type { AvatarRow } from '../avatars/avatars.table.ts';
import { blindTestInviteAfter, blindTestScoreAfter } from '../blind-tests/blind-test.changes.ts';
import type { AvatarStreamEvent } from '../events/projected-event.ts';
import { materialAfter } from '../materials/material.changes.ts';
import { personaVersionOf } from '../persona-versions/persona-version.changes.ts';
import { testReportAfter } from '../test-reports/test-report.changes.ts';
import { timelineEntryOf } from '../timeline/timeline.entry.ts';
import { trainingRunAfter } from '../training-runs/training-run.changes.ts';
import { voiceConsentAfter, voiceSampleAfter } from '../voices/voice.changes.ts';
import { type ChildTable, childRowsOf } from './avatar-child-rows.ts';
import type { BatchRows } from './batch-rows.ts';

export function declareAvatarEventRows(event: AvatarStreamEvent, rows: BatchRows): void {
  rows.want('avatars', event.streamId);
  for (const { table, id } of childRowsOf(event)) rows.want(table, id);
}

type ChildUpdate = (rows: BatchRows, id: string, event: AvatarStreamEvent, avatar: AvatarRow) => void;

/** How each child table's row follows an avatar event. */
const childUpdates: { readonly [Table in ChildTable]: ChildUpdate } = {
  materials: (rows, id, event, avatar) =>
    rows.update('materials', id, event, (row) => materialAfter(row, event, avatar)),
  voice_samples: (rows, id, event, avatar) =>
    rows.update('voice_samples', id, event, (row) => voiceSampleAfter(row, event, avatar)),
  training_runs: (rows, id, event, avatar) =>
    rows.update('training_runs', id, event, (row) => trainingRunAfter(row, event, avatar)),
  voice_consents: (rows, id, event, avatar) =>
    rows.update('voice_consents', id, event, (row) => voiceConsentAfter(row, event, avatar)),
  avatar_test_reports: (rows, id, event, avatar) =>
    rows.update('avatar_test_reports', id, event, (row) => testReportAfter(row, event, avatar)),
  blind_test_invites: (rows, id, event, avatar) =>
    rows.update('blind_test_invites', id, event, (row) => blindTestInviteAfter(row, event, avatar)),
  blind_test_scores: (rows, id, event, avatar) =>
    rows.update('blind_test_scores', id, event, (row) => blindTestScoreAfter(row, event, avatar)),
};

export function projectAvatarEvent(event: AvatarStreamEvent, rows: BatchRows): void {
  const avatarId = event.streamId;
  const before = rows.get('avatars', avatarId);
  const avatar = rows.update('avatars', avatarId, event, (row) => avatarAfter(row, event));
  // Events of an avatar that was never created have nothing to attach to.
  if (avatar === undefined) return;
  rows.addTimelineEntry(timelineEntryOf(event, { avatarId, chatId: null, ownerId: avatar.owner_id }));

  for (const { table, id } of childRowsOf(event)) childUpdates[table](rows, id, event, avatar);
  const version = personaVersionOf(event, avatar);
  if (version !== undefined) rows.addPersonaVersion(version);
  // The active flag of versions is read off the avatar: both versions' subscribers learn of a switch.
  if (avatar !== before && before?.active_persona_version != null && event.type === 'PersonaVersionActivated') {
    rows.notifyPersonaVersion(avatar.owner_id, avatarId, before.active_persona_version, event.position);
    rows.notifyPersonaVersion(avatar.owner_id, avatarId, event.data.personaVersion, event.position);
  }
  if (event.type === 'AvatarDeleted') rows.eraseAvatar(avatarId);
}
