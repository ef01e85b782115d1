import type { CommandBus } from '@bishop/commands';
import { DomainError, mailAttachmentBlobKey, mailAttachmentsBlobKey, materialBlobKey } from '@bishop/domain';
import { BlobNotFoundError, type BlobStore } from '@bishop/domain/ports';
import type { FastifyInstance } from 'fastify';
import type { OwnershipCheck } from '../graphql/ownership.ts';
import { materialRecorder } from './record-material.ts';
import { safeFileName } from './safe-file-name.ts';
import { sizeAllowed } from './storage-quota.ts';
import { storeUpload, uploadFailure } from './store-upload.ts';
import { ownedAvatar } from './upload-context.ts';

export interface MailAttachmentsOptions {
  readonly blobs: BlobStore;
  readonly commands: CommandBus;
  readonly owns: OwnershipCheck;
  readonly bytesStoredBy: (userId: string) => Promise<number>;
  readonly limits: { readonly maxFileBytes: number; readonly maxUserBytes: number };
}

/** A document or recording attached to a letter of a mail material (written by the extract worker). */
type AttachmentOffer = {
  id: number;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  from: string;
  at: string | null;
  subject: string;
};
type Params = { avatarId: string; materialId: string };

const MATERIAL_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * GET  /api/avatars/:avatarId/materials/:materialId/attachments: what the mail's letters had attached
 *      (name, type, size, the letter it came with), listed once the mailbox is read.
 * POST the same with `{ ids: [1, 3] }`: the user's choice; each becomes a material of its own, through
 *      the same sniffing, classification and limits as an upload (a disguised file is refused).
 */
export function mailAttachmentsRoute(app: FastifyInstance, options: MailAttachmentsOptions): void {
  const path = '/api/avatars/:avatarId/materials/:materialId/attachments';
  app.get<{ Params: Params }>(path, async (request) => {
    await ownedAvatar(request, options);
    return { attachments: await offersOf(options, request.params) };
  });

  app.post<{ Params: Params; Body: { ids?: unknown } }>(path, async (request) => {
    const { userId, actor } = await ownedAvatar(request, options);
    const { avatarId, materialId } = request.params;
    const ids = chosenIds(request.body?.ids);
    const offers = new Map((await offersOf(options, request.params)).map((offer) => [offer.id, offer]));
    const record = materialRecorder(options.commands, avatarId, actor, request);
    let remaining = options.limits.maxUserBytes - (await options.bytesStoredBy(userId));
    const results = [];
    for (const id of ids) {
      const offer = offers.get(id);
      const fileName = safeFileName(offer?.fileName ?? `attachment ${id}`);
      try {
        if (!offer) {
          throw new DomainError('BISHOP_ERR_NOT_FOUND', `The mail has no attachment number ${id}`, { id });
        }
        const { body } = await options.blobs.get(mailAttachmentBlobKey(avatarId, materialId, id));
        results.push(
          await storeUpload(
            options.blobs,
            { fileName, body },
            {
              ...sizeAllowed(options.limits, remaining, fileName),
              blobKeyFor: (newId) => materialBlobKey(avatarId, newId),
              record: async (stored, classified, newId) => {
                const recorded = await record(fileName, stored, classified, newId);
                remaining -= stored.size;
                return { ...recorded, attachmentId: id };
              },
            },
          ),
        );
      } catch (error) {
        results.push({ ...uploadFailure(fileName, error), attachmentId: id });
      }
    }
    return { results };
  });
}

async function offersOf(options: MailAttachmentsOptions, { avatarId, materialId }: Params): Promise<AttachmentOffer[]> {
  if (!MATERIAL_ID.test(materialId)) {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', 'Not a material id', { field: 'materialId' });
  }
  try {
    const { body } = await options.blobs.get(mailAttachmentsBlobKey(avatarId, materialId));
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(Buffer.from(chunk));
    return (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { attachments: AttachmentOffer[] }).attachments;
  } catch (error) {
    // Not mail, not read yet, or read before attachments were kept: nothing to offer.
    if (error instanceof BlobNotFoundError) return [];
    throw error;
  }
}

function chosenIds(value: unknown): number[] {
  const ids = Array.isArray(value) ? value : [];
  if (ids.length === 0 || ids.length > 500 || !ids.every((id) => Number.isSafeInteger(id) && id > 0)) {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', 'Choose the attachments by their numbers (1 to 500 of them)', {
      field: 'ids',
    });
  }
  return [...new Set(ids as number[])];
}
