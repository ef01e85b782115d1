import type { AvatarRow } from '../avatars/avatars.table.ts';
import { erasedColumnsAfter, personal } from '../events/erasure.ts';
import { ignoredBy, leftAsIs } from '../events/ignored-events.ts';
import type { AvatarStreamEvent } from '../events/projected-event.ts';
import { changedBy } from '../events/row-change.ts';
import type { MaterialRow } from './materials.table.ts';

/** Every personal column of a material: what deleting its avatar erases. */
export const materialPersonalColumns = [
  'file_name',
  'participants',
  'chosen_participant',
  'preview',
  'chat_facts',
  'notes',
] as const;

/** A material's row after an event of its avatar; `undefined` when the event leaves it as it is. */
export function materialAfter(
  material: MaterialRow | undefined,
  event: AvatarStreamEvent,
  avatar: AvatarRow,
): MaterialRow | undefined {
  if (event.type === 'MaterialUploaded') return uploadedMaterial(event, avatar);
  if (material === undefined) return undefined;
  const changed = (fields: Partial<MaterialRow>) => changedBy(material, event, fields);
  switch (event.type) {
    case 'MaterialExtractionStarted':
      return changed({ state: 'extracting', failure_reason_code: null, failure_reason: null, decoded_media: null });
    case 'MaterialExtracted': {
      const extraction = event.data;
      return changed({
        state: 'ready',
        text_blob_key: extraction.textBlobKey,
        segments_blob_key: extraction.segmentsBlobKey,
        char_count: extraction.charCount,
        duration_sec: extraction.durationSec,
        language: extraction.language,
        participants: personal(event, 'participants', extraction.participants),
        // A new extraction may name other participants: the choice is made again.
        chosen_participant: null,
        ...untagged,
        preview: personal(event, 'preview', extraction.preview),
        chat_facts: personal(event, 'chat', extraction.chat),
        decoded_media: extraction.media,
        notes: personal(event, 'notes', extraction.notes),
        erased_fields: erasedColumnsAfter(material.erased_fields, event, {
          participants: 'participants',
          preview: 'preview',
          chat: 'chat_facts',
          notes: 'notes',
        }),
      });
    }
    case 'MaterialSpeakersTagged':
      return changed({
        segments_blob_key: event.data.segmentsBlobKey,
        speaker_sample_id: event.data.sampleId,
        speaker_threshold: event.data.threshold,
        person_speech_sec: event.data.personSpeechSec,
        other_speech_sec: event.data.otherSpeechSec,
        speaker_failure_code: null,
        speaker_failure_reason: null,
      });
    case 'MaterialSpeakerTaggingFailed':
      return changed({
        ...untagged,
        speaker_sample_id: event.data.sampleId,
        speaker_failure_code: event.data.reasonCode,
        speaker_failure_reason: event.data.reason,
      });
    case 'MaterialExtractionFailed':
      return changed({
        state: 'failed',
        failure_reason_code: event.data.reasonCode,
        failure_reason: event.data.reason,
        decoded_media: event.data.media,
      });
    case 'MaterialRemoved':
      return changed({ removed: true, removed_at: event.occurredAt });
    case 'ChatParticipantChosen':
      return changed({
        chosen_participant: personal(event, 'participant', event.data.participant),
        erased_fields: erasedColumnsAfter(material.erased_fields, event, { participant: 'chosen_participant' }),
      });
    default:
      return leftAsIs(ignoredBy.materials, event);
  }
}

const untagged = {
  speaker_sample_id: null,
  speaker_threshold: null,
  person_speech_sec: null,
  other_speech_sec: null,
  speaker_failure_code: null,
  speaker_failure_reason: null,
} as const;

function uploadedMaterial(event: Extract<AvatarStreamEvent, { type: 'MaterialUploaded' }>, avatar: AvatarRow) {
  const file = event.data;
  return {
    material_id: file.materialId,
    avatar_id: avatar.avatar_id,
    owner_id: avatar.owner_id,
    file_name: personal(event, 'fileName', file.fileName),
    media_type: file.mediaType,
    kind: file.kind,
    size_bytes: BigInt(file.sizeBytes),
    sha256: file.sha256,
    blob_key: file.blobKey,
    state: 'uploaded',
    removed: false,
    failure_reason_code: null,
    failure_reason: null,
    text_blob_key: null,
    segments_blob_key: null,
    char_count: null,
    duration_sec: null,
    language: null,
    participants: null,
    chosen_participant: null,
    preview: null,
    chat_facts: null,
    decoded_media: null,
    notes: null,
    ...untagged,
    uploaded_position: event.position,
    uploaded_at: event.occurredAt,
    updated_at: event.occurredAt,
    removed_at: null,
    erased_fields: erasedColumnsAfter([], event, { fileName: 'file_name' }),
    last_position: event.position,
  } satisfies MaterialRow;
}
