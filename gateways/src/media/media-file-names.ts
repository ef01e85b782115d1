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
};

const stem = (name: string) => name.replace(/\.[^.]*$/, '') || name;

/** Names by the blob's place under `avatars/<id>/` (see the media route's SERVABLE paths). */
export function mediaFileNames(db: Kysely<ReadModels>): MediaFileName {
  return async (userId, relativePath, contentType) => {
    const [area, id = '', leaf, dubId] = relativePath.split('/');
    const extension = audioExtensions[(contentType.split(';')[0] ?? '').trim()] ?? '';
    if (area === 'materials') {
      const material = await findMaterialById(db, userId, id);
      const original = material?.file_name ?? `material-${id}`;
      if (leaf === 'original') return original;
      return leaf === 'text.txt' ? `${stem(original)}.txt` : `${stem(original)}.segments.json`;
    }
    if (area === 'voice') return `voice-sample-${id}${extension}`;
    return `reply-${dubId ?? id}${extension}`;
  };
}
