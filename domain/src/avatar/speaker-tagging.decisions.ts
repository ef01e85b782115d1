import { DomainError } from '../kernel/errors.ts';
import { validFailure } from '../kernel/failure.ts';
import { validId } from '../kernel/ids.ts';
import { jsonEquals } from '../kernel/json.ts';
import { validNumber } from '../kernel/numbers.ts';
import { validBlobKey } from '../kernel/storage.ts';
import type { FailSpeakerTagging, RecordSpeakerTags } from './avatar.commands.ts';
import type { MaterialSpeakersTagged, MaterialSpeakerTaggingFailed, SpeakerTags } from './avatar.events.ts';
import { knownMaterial } from './avatar.guards.ts';
import type { LiveAvatar, Material } from './avatar.state.ts';

// Tagging runs whenever the accepted voice sample changes. A result for a sample that is no
// longer the active one, or for a material removed meanwhile, is stale: dropped ([]).

export function recordSpeakerTags({ data }: RecordSpeakerTags, avatar: LiveAvatar): MaterialSpeakersTagged[] {
  const material = taggableMaterial(avatar, data.materialId);
  const sampleId = validId(data.sampleId, 'Sample id');
  if (material === null || avatar.voice.activeSampleId !== sampleId) return [];
  const tags = validTags({ ...data, materialId: material.materialId, sampleId });
  if (material.speakers?.status === 'tagged' && jsonEquals(withoutStatus(material.speakers), tags)) return [];
  return [{ type: 'MaterialSpeakersTagged', data: tags }];
}

export function failSpeakerTagging({ data }: FailSpeakerTagging, avatar: LiveAvatar): MaterialSpeakerTaggingFailed[] {
  const material = taggableMaterial(avatar, data.materialId);
  const sampleId = validId(data.sampleId, 'Sample id');
  if (material === null || avatar.voice.activeSampleId !== sampleId) return [];
  const failure = validFailure(data);
  const failed = { materialId: material.materialId, sampleId, ...failure };
  if (material.speakers?.status === 'failed' && jsonEquals(withoutStatus(material.speakers), failed)) return [];
  return [{ type: 'MaterialSpeakerTaggingFailed', data: failed }];
}

/** A ready recording; null when it was removed meanwhile. */
function taggableMaterial(avatar: LiveAvatar, materialId: string): Extract<Material, { status: 'ready' }> | null {
  const material = knownMaterial(avatar, materialId);
  if (material.status === 'removed') return null;
  if (material.status !== 'ready' || (material.kind !== 'audio' && material.kind !== 'video')) {
    throw new DomainError(
      'BISHOP_ERR_INVALID_STATE',
      `Only a transcribed recording can be tagged by speaker, and "${material.fileName}" is not one`,
      { materialId: material.materialId, status: material.status, kind: material.kind },
    );
  }
  return material;
}

function withoutStatus<T extends { status: string }>({ status: _status, ...rest }: T): Omit<T, 'status'> {
  return rest;
}

function validTags(tags: SpeakerTags): SpeakerTags {
  return {
    materialId: tags.materialId,
    sampleId: tags.sampleId,
    segmentsBlobKey: validBlobKey(tags.segmentsBlobKey, 'Segments blob key'),
    threshold: validNumber(tags.threshold, { field: 'Speaker threshold', min: -1, max: 1 }),
    personSpeechSec: validNumber(tags.personSpeechSec, { field: "Person's speech", min: 0, unit: 'seconds' }),
    otherSpeechSec: validNumber(tags.otherSpeechSec, { field: 'Other speech', min: 0, unit: 'seconds' }),
  };
}
