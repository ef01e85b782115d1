import { avatarAfter } from '../avatars/avatar.changes.ts';
import { blindTestInviteAfter, blindTestScoreAfter, blindTestScoreId } from '../blind-tests/blind-test.changes.ts';
import type { AvatarStreamEvent } from '../events/projected-event.ts';
import { materialAfter } from '../materials/material.changes.ts';
import { personaVersionOf } from '../persona-versions/persona-version.changes.ts';
import { testReportAfter } from '../test-reports/test-report.changes.ts';
import { timelineEntryOf } from '../timeline/timeline.entry.ts';
import { trainingRunAfter } from '../training-runs/training-run.changes.ts';
import { voiceConsentAfter, voiceSampleAfter } from '../voices/voice.changes.ts';
import type { BatchRows } from './batch-rows.ts';

/** Which child rows an avatar event names in its data. */
function childIdsOf(event: AvatarStreamEvent) {
  const data = event.data as { materialId?: string; sampleId?: string; runId?: string };
  return { materialId: data.materialId, sampleId: data.sampleId, runId: data.runId };
}

export function declareAvatarEventRows(event: AvatarStreamEvent, rows: BatchRows): void {
  const { materialId, sampleId, runId } = childIdsOf(event);
  rows.want('avatars', event.streamId);
  if (materialId !== undefined) rows.want('materials', materialId);
  if (sampleId !== undefined) rows.want('voice_samples', sampleId);
  if (runId !== undefined) rows.want('training_runs', runId);
  if (event.type === 'VoiceConsentRecorded' || event.type === 'VoiceConsentWithdrawn') {
    rows.want('voice_consents', event.streamId);
  }
  if (event.type === 'AvatarTestStarted' || event.type === 'AvatarTested') {
    rows.want('avatar_test_reports', event.data.runId);
  }
  const invite = inviteIdOf(event);
  if (invite) rows.want('blind_test_invites', invite);
  if (event.type === 'BlindTestGuessed') {
    rows.want('blind_test_scores', blindTestScoreId(event.streamId, event.data.personaVersion));
  }
}

/** The invite a blind-test event is about (a guest's guess counts on its invite). */
function inviteIdOf(event: AvatarStreamEvent): string | null {
  if (event.type === 'BlindTestInviteCreated' || event.type === 'BlindTestInviteRevoked') return event.data.inviteId;
  return event.type === 'BlindTestGuessed' ? event.data.inviteId : null;
}

export function projectAvatarEvent(event: AvatarStreamEvent, rows: BatchRows): void {
  const avatarId = event.streamId;
  const before = rows.get('avatars', avatarId);
  const avatar = rows.update('avatars', avatarId, event, (row) => avatarAfter(row, event));
  // Events of an avatar that was never created have nothing to attach to.
  if (avatar === undefined) return;
  rows.addTimelineEntry(timelineEntryOf(event, { avatarId, chatId: null, ownerId: avatar.owner_id }));

  const { materialId, sampleId, runId } = childIdsOf(event);
  if (materialId !== undefined) rows.update('materials', materialId, event, (row) => materialAfter(row, event, avatar));
  if (sampleId !== undefined)
    rows.update('voice_samples', sampleId, event, (row) => voiceSampleAfter(row, event, avatar));
  if (runId !== undefined) rows.update('training_runs', runId, event, (row) => trainingRunAfter(row, event, avatar));
  if (event.type === 'VoiceConsentRecorded' || event.type === 'VoiceConsentWithdrawn') {
    rows.update('voice_consents', avatarId, event, (row) => voiceConsentAfter(row, event, avatar));
  }
  if (event.type === 'AvatarTestStarted' || event.type === 'AvatarTested') {
    rows.update('avatar_test_reports', event.data.runId, event, (row) => testReportAfter(row, event, avatar));
  }
  const invite = inviteIdOf(event);
  if (invite) rows.update('blind_test_invites', invite, event, (row) => blindTestInviteAfter(row, event, avatar));
  if (event.type === 'BlindTestGuessed') {
    const scoreId = blindTestScoreId(avatarId, event.data.personaVersion);
    rows.update('blind_test_scores', scoreId, event, (row) => blindTestScoreAfter(row, event, avatar));
  }
  const version = personaVersionOf(event, avatar);
  if (version !== undefined) rows.addPersonaVersion(version);
  // The active flag of versions is read off the avatar: both versions' subscribers learn of a switch.
  if (avatar !== before && before?.active_persona_version != null && event.type === 'PersonaVersionActivated') {
    rows.notifyPersonaVersion(avatar.owner_id, avatarId, before.active_persona_version, event.position);
    rows.notifyPersonaVersion(avatar.owner_id, avatarId, event.data.personaVersion, event.position);
  }
  if (event.type === 'AvatarDeleted') rows.eraseAvatar(avatarId);
}
