import type { MaterialUploaded } from '../avatar/avatar.events.ts';
import type { MaterialKind } from '../avatar/avatar.values.ts';

/** As stored before material kinds existed (schema version 1). */
export type MaterialUploadedV1 = {
  materialId: string;
  fileName: string;
  contentType: string;
  size: number;
  blobKey: string;
  sha256: string;
};
export type MaterialUploadedV2 = MaterialUploaded['data'];

export function materialUploadedV1ToV2(data: MaterialUploadedV1 | MaterialUploadedV2): MaterialUploadedV2 {
  if ('mediaType' in data) return data;
  const mediaType = data.contentType.trim().toLowerCase() || 'application/octet-stream';
  return {
    materialId: data.materialId,
    fileName: data.fileName,
    mediaType,
    kind: kindOfV1Upload(data.fileName, mediaType),
    sizeBytes: data.size,
    sha256: data.sha256,
    blobKey: data.blobKey,
  };
}

/** v1 stored no kind; the media type and well-known export file names tell it after the fact. */
function kindOfV1Upload(fileName: string, mediaType: string): MaterialKind {
  const name = fileName.trim().toLowerCase();
  if (mediaType.startsWith('audio/')) return 'audio';
  if (mediaType.startsWith('video/')) return 'video';
  if (name === 'result.json') return 'chatExport'; // Telegram Desktop's machine-readable export
  const whatsApp = name === '_chat.txt' || name.startsWith('whatsapp chat with') || name.startsWith('чат whatsapp с');
  if (whatsApp && name.endsWith('.txt')) return 'chatExport';
  return 'text';
}
