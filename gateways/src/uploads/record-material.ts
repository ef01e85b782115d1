import type { CommandBus } from '@bishop/commands';
import type { Actor } from '@bishop/domain';
import type { StoredBlob } from '@bishop/domain/ports';
import type { FastifyRequest } from 'fastify';
import type { UploadClass } from './classify-upload.ts';
import { metadataFor } from './upload-context.ts';

/** The command that makes a stored, classified file one of the avatar's materials; returns what the client is told. */
export function materialRecorder(commands: CommandBus, avatarId: string, actor: Actor, request: FastifyRequest) {
  return async (fileName: string, stored: StoredBlob, classified: UploadClass, materialId: string) => {
    const outcome = await commands.avatar(avatarId, {
      type: 'UploadMaterial',
      data: {
        materialId,
        fileName,
        mediaType: classified.mediaType,
        kind: classified.kind,
        sizeBytes: stored.size,
        sha256: stored.sha256,
        blobKey: stored.key,
      },
      metadata: metadataFor(actor, request),
    });
    return { fileName, materialId, kind: classified.kind, sizeBytes: stored.size, position: String(outcome.position) };
  };
}
