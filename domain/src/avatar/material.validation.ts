import { validChoice } from '../kernel/choice.ts';
import { DomainError } from '../kernel/errors.ts';
import { validId } from '../kernel/ids.ts';
import { validLanguageCode } from '../kernel/language.ts';
import { validNumber } from '../kernel/numbers.ts';
import { validBlobKey, validSha256 } from '../kernel/storage.ts';
import { optionalText, validText } from '../kernel/text.ts';
import type { MaterialExtraction, MaterialFile } from './avatar.events.ts';
import { avatarLimits } from './avatar.limits.ts';
import { materialKinds } from './avatar.values.ts';
import { validChatFacts, validDecodedMedia, validNotes } from './extraction.validation.ts';

const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

/** A bare file name: it is shown and offered for download, so it must not smuggle a path. */
export function validFileName(fileName: string): string {
  const name = validText(fileName, { field: 'File name', maxLength: avatarLimits.fileNameMaxLength });
  if (/[/\\]/.test(name)) {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', 'File name must not contain "/" or "\\"', { field: 'fileName' });
  }
  if (name === '.' || name === '..') {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', 'File name must name a file', { field: 'fileName' });
  }
  return name;
}

export function validMediaType(mediaType: string): string {
  const normalized = typeof mediaType === 'string' ? mediaType.trim().toLowerCase() : '';
  if (!MEDIA_TYPE.test(normalized)) {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', 'Media type must look like "audio/mpeg"', { field: 'mediaType' });
  }
  return normalized;
}

export function validMaterialFile(file: MaterialFile): MaterialFile {
  const sizeBytes = validNumber(file.sizeBytes, { field: 'File size', min: 1, unit: 'bytes', integer: true });
  if (sizeBytes > avatarLimits.materialMaxBytes) {
    throw new DomainError(
      'BISHOP_ERR_LIMIT_EXCEEDED',
      `A material can be at most 4 GiB (got ${(sizeBytes / 1024 ** 3).toFixed(1)} GiB)`,
      { field: 'sizeBytes', limit: avatarLimits.materialMaxBytes },
    );
  }
  return {
    materialId: validId(file.materialId, 'Material id'),
    fileName: validFileName(file.fileName),
    mediaType: validMediaType(file.mediaType),
    kind: validChoice(file.kind, materialKinds, 'Material kind'),
    sizeBytes,
    sha256: validSha256(file.sha256, 'File hash'),
    blobKey: validBlobKey(file.blobKey, 'Blob key'),
  };
}

export function validExtraction(extraction: MaterialExtraction, file: MaterialFile): MaterialExtraction {
  const charCount = validNumber(extraction.charCount, { field: 'Extracted character count', min: 0, integer: true });
  // "Ready" promises text to train on; a worker that found none must report a failure instead.
  if (charCount === 0) {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', 'An extraction without any text must be recorded as a failure', {
      field: 'charCount',
    });
  }
  const participants = validParticipants(extraction.participants, file);
  return {
    materialId: file.materialId,
    textBlobKey: validBlobKey(extraction.textBlobKey, 'Text blob key'),
    segmentsBlobKey:
      extraction.segmentsBlobKey === null ? null : validBlobKey(extraction.segmentsBlobKey, 'Segments blob key'),
    charCount,
    durationSec:
      extraction.durationSec === null
        ? null
        : validNumber(extraction.durationSec, { field: 'Duration', min: 0, unit: 'seconds' }),
    language: extraction.language === null ? null : validLanguageCode(extraction.language, 'Language'),
    participants,
    preview:
      optionalText(extraction.preview, {
        field: 'Preview',
        maxLength: avatarLimits.previewMaxLength,
        multiline: true,
      }) ?? '',
    chat: file.kind === 'chatExport' ? validChatFacts(extraction.chat, participants) : null,
    media: file.kind === 'audio' || file.kind === 'video' ? validDecodedMedia(extraction.media) : null,
    notes: validNotes(extraction.notes),
  };
}

function validParticipants(participants: readonly string[], file: MaterialFile): string[] {
  if (!Array.isArray(participants)) {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', 'Participants must be a list', { field: 'participants' });
  }
  if (file.kind !== 'chatExport') {
    if (participants.length === 0) return [];
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', 'Only chat exports have participants', { field: 'participants' });
  }
  const names = participants.map((name) =>
    validText(name, { field: 'Participant name', maxLength: avatarLimits.participantNameMaxLength }),
  );
  if (names.length === 0 || names.length > avatarLimits.participantsMax) {
    throw new DomainError(
      'BISHOP_ERR_INVALID_VALUE',
      `A chat export must name between 1 and ${avatarLimits.participantsMax} participants (got ${names.length})`,
      { field: 'participants' },
    );
  }
  if (new Set(names).size !== names.length) {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', 'Each participant must be listed once', {
      field: 'participants',
    });
  }
  return names;
}
