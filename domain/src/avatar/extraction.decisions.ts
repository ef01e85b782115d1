import { DomainError } from '../kernel/errors.ts';
import { validFailure } from '../kernel/failure.ts';
import { jsonEquals } from '../kernel/json.ts';
import type { FailMaterialExtraction, RecordMaterialExtraction, StartMaterialExtraction } from './avatar.commands.ts';
import type { MaterialExtracted, MaterialExtractionFailed, MaterialExtractionStarted } from './avatar.events.ts';
import { knownMaterial } from './avatar.guards.ts';
import type { LiveAvatar, Material } from './avatar.state.ts';
import { validDecodedMedia } from './extraction.validation.ts';
import { validExtraction } from './material.validation.ts';

// Workers report on their own schedule: results for a material removed meanwhile are simply dropped ([]).

export function startMaterialExtraction(
  { data }: StartMaterialExtraction,
  avatar: LiveAvatar,
): MaterialExtractionStarted[] {
  const material = knownMaterial(avatar, data.materialId);
  if (material.status === 'removed' || material.status === 'extracting') return [];
  if (material.status !== 'uploaded') throw illegalTransition(material, 'start extracting');
  return [{ type: 'MaterialExtractionStarted', data: { materialId: material.materialId } }];
}

export function recordMaterialExtraction({ data }: RecordMaterialExtraction, avatar: LiveAvatar): MaterialExtracted[] {
  const material = knownMaterial(avatar, data.materialId);
  if (material.status === 'removed') return [];
  const extraction = validExtraction(data, material);
  if (material.status === 'ready' && jsonEquals(material.extraction, extraction)) return [];
  if (material.status !== 'extracting') throw illegalTransition(material, 'record an extraction');
  return [{ type: 'MaterialExtracted', data: extraction }];
}

export function failMaterialExtraction(
  { data }: FailMaterialExtraction,
  avatar: LiveAvatar,
): MaterialExtractionFailed[] {
  const material = knownMaterial(avatar, data.materialId);
  if (material.status === 'removed') return [];
  const failure = { ...validFailure(data), media: validDecodedMedia(data.media) };
  if (material.status === 'failed' && jsonEquals(material.failure, failure)) return [];
  if (material.status !== 'extracting') throw illegalTransition(material, 'record a failed extraction');
  return [{ type: 'MaterialExtractionFailed', data: { materialId: material.materialId, ...failure } }];
}

function illegalTransition(material: Material, action: string): DomainError {
  return new DomainError(
    'BISHOP_ERR_INVALID_STATE',
    `Cannot ${action} for "${material.fileName}": the material is ${material.status}`,
    { materialId: material.materialId, status: material.status },
  );
}
