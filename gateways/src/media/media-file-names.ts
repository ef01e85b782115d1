import { DomainError } from '@bishop/domain';
import { findMaterialById, type ReadModels } from '@bishop/projections';
import type { Kysely } from 'kysely';

/** What a media download is saved as: the material's own name, or a descriptive one. */
export type MediaFileName = (userId: string, relativePath: string, contentType: string) => Promise<string>;

const audioExtensions: Readonly<Record<string, string>> = {
  'audio/wav': '.wav',
  'audio/ogg': '.ogg',
  'audio/opus': '.opus',
  'audio/mpeg': '.mp3',
  'audio/mp4': '.m4a',
  'audio/flac': '.flac',
  'audio/webm': '.webm',
};

const stem = (name: string) => name.replace(/\.[^.]*$/, '') || name;

/** Names by the blob's place under `avatars/<id>/` (see the media route's SERVABLE paths). */
export function mediaFileNames(db: Kysely<ReadModels>): MediaFileName {
  return async (userId, relativePath, contentType) => {
    const [area, id = '', leaf, dubId] = relativePath.split('/');
    const extension = audioExtensions[(contentType.split(';')[0] ?? '').trim()] ?? '';
    if (area === 'materials') {
      const material = await findMaterialById(db, userId, id);
      // A removed material's links stop working at once (its files are deleted soon after).
      if (!material || material.removed) throw new DomainError('BISHOP_ERR_NOT_FOUND', 'No such media');
      const original = material.file_name ?? `material-${id}`;
      if (leaf === 'original') return original;
      return leaf === 'text.txt' ? `${stem(original)}.txt` : `${stem(original)}.segments.json`;
    }
    if (area === 'voice') return `voice-sample-${id}${extension}`;
    if (area === 'voice-previews') return `voice-preview-${id}${extension}`;
    if (leaf === 'voice') return `voice-message-${dubId ?? id}${extension}`;
    return `reply-${dubId ?? id}${extension}`;
  };
}
