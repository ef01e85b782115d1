import type { AvatarRow } from '../avatars/avatars.table.ts';
import { erasedColumnsAfter, personal } from '../events/erasure.ts';
import { ignoredBy, leftAsIs } from '../events/ignored-events.ts';
import type { AvatarStreamEvent } from '../events/projected-event.ts';
import { changedBy } from '../events/row-change.ts';
import type { VoiceConsentRow } from './voice-consents.table.ts';
import type { VoiceSampleRow } from './voice-samples.table.ts';

/** Personal columns erased with the avatar. */
export const voiceConsentPersonalColumns = ['person_name', 'statement'] as const;
export const voiceSamplePersonalColumns = ['source', 'preview_text'] as const;

/**
 * The avatar's consent after VoiceConsentRecorded (a new statement replaces the old one) or
 * VoiceConsentWithdrawn (kept, marked withdrawn).
 */
export function voiceConsentAfter(
  row: VoiceConsentRow | undefined,
  event: AvatarStreamEvent,
  avatar: AvatarRow,
): VoiceConsentRow | undefined {
  if (event.type === 'VoiceConsentWithdrawn') {
    if (row === undefined) return undefined;
    return {
      ...row,
      withdrawn_at: event.occurredAt,
      last_withdrawal_position: event.position,
      last_position: event.position,
    };
  }
  if (event.type !== 'VoiceConsentRecorded') return undefined;
  const consent = event.data;
  return {
    avatar_id: avatar.avatar_id,
    owner_id: avatar.owner_id,
    basis: consent.basis,
    person_name: personal(event, 'personName', consent.personName),
    given_on: consent.consentGivenOn,
    statement: personal(event, 'statement', consent.statement),
    recorded_at: event.occurredAt,
    recorded_by: event.actorId,
    withdrawn_at: null,
    last_withdrawal_position: row?.last_withdrawal_position ?? null,
    erased_fields: erasedColumnsAfter([], event, { personName: 'person_name', statement: 'statement' }),
    last_position: event.position,
  };
}

/** A voice sample's row after an event of its avatar; `undefined` when untouched. */
export function voiceSampleAfter(
  sample: VoiceSampleRow | undefined,
  event: AvatarStreamEvent,
  avatar: AvatarRow,
): VoiceSampleRow | undefined {
  if (event.type === 'VoiceSampleSubmitted') {
    return {
      sample_id: event.data.sampleId,
      avatar_id: avatar.avatar_id,
      owner_id: avatar.owner_id,
      state: 'submitted',
      blob_key: event.data.blobKey,
      source: personal(event, 'source', event.data.source),
      duration_sec: null,
      loudness_lufs: null,
      speaker_consistency: null,
      reason_code: null,
      reason: null,
      submitted_position: event.position,
      submitted_at: event.occurredAt,
      accepted_position: null,
      replaces_active: event.data.replacesActive,
      activated_position: null,
      preview_id: null,
      preview_text: null,
      preview_state: null,
      preview_blob_key: null,
      preview_duration_sec: null,
      preview_voice: null,
      preview_reason_code: null,
      preview_reason: null,
      preview_requested_at: null,
      updated_at: event.occurredAt,
      erased_fields: erasedColumnsAfter([], event, { source: 'source' }),
      last_position: event.position,
    };
  }
  if (sample === undefined) return undefined;
  const changed = (fields: Partial<VoiceSampleRow>) => changedBy(sample, event, fields);
  switch (event.type) {
    case 'VoiceSampleSet':
      return changed({
        state: 'ready',
        duration_sec: event.data.durationSec,
        loudness_lufs: event.data.loudnessLufs,
        speaker_consistency: event.data.speakerConsistency,
        accepted_position: event.position,
        // The decider made the first accepted sample replace "none", so the flag alone decides.
        ...(sample.replaces_active ? { activated_position: event.position } : {}),
      });
    case 'VoiceSampleActivated':
      return changed({ activated_position: event.position });
    case 'VoicePreviewRequested':
      return changed({
        preview_id: event.data.previewId,
        preview_text: personal(event, 'text', event.data.text),
        preview_state: 'requested',
        preview_blob_key: null,
        preview_duration_sec: null,
        preview_voice: null,
        preview_reason_code: null,
        preview_reason: null,
        preview_requested_at: event.occurredAt,
        erased_fields: erasedColumnsAfter(sample.erased_fields, event, { text: 'preview_text' }),
      });
    // Only the latest preview is kept: an older one finishing late changes nothing.
    case 'VoicePreviewReady':
      if (event.data.previewId !== sample.preview_id) return undefined;
      return changed({
        preview_state: 'ready',
        preview_blob_key: event.data.blobKey,
        preview_duration_sec: event.data.durationSec,
        preview_voice: event.data.voice,
      });
    case 'VoicePreviewFailed':
      if (event.data.previewId !== sample.preview_id) return undefined;
      return changed({
        preview_state: 'failed',
        preview_reason_code: event.data.reasonCode,
        preview_reason: event.data.reason,
      });
    case 'VoiceSampleRejected':
      return changed({
        state: 'rejected',
        reason_code: event.data.reasonCode,
        reason: event.data.reason,
        // What was measured, so the person sees why (a silent sample's loudness stays null).
        ...(event.data.measured
          ? {
              duration_sec: event.data.measured.durationSec,
              loudness_lufs: event.data.measured.loudnessLufs,
              speaker_consistency: event.data.measured.speakerConsistency,
            }
          : {}),
      });
    default:
      return leftAsIs(ignoredBy.voiceSamples, event);
  }
}
