import { Readable } from 'node:stream';
import type { CommandBus } from '@bishop/commands';
import { DomainError, materialBlobKey, voiceSampleBlobKey } from '@bishop/domain';
import type { BlobStore } from '@bishop/domain/ports';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { signedInUser } from '../auth/signed-in-user.ts';
import type { ChatAvatarLookup, OwnershipCheck } from '../graphql/ownership.ts';
import { drainStream } from './drain-stream.ts';
import { safeFileName } from './safe-file-name.ts';
import { formatBytes, storeUpload, uploadFailure } from './store-upload.ts';
import { metadataFor, tooLarge } from './upload-context.ts';
import { acceptRecording, voiceMessageRoute } from './voice-message.route.ts';

export interface UploadLimits {
  /** Largest single file. */
  readonly maxFileBytes: number;
  /** Total stored per user across all avatars. */
  readonly maxUserBytes: number;
  /** Files per request. */
  readonly maxFiles: number;
  /** Largest voice sample file. */
  readonly maxVoiceSampleBytes: number;
}

export interface UploadsOptions {
  readonly blobs: BlobStore;
  readonly commands: CommandBus;
  readonly owns: OwnershipCheck;
  /** Bytes the user already stores (for the per-user limit). */
  readonly bytesStoredBy: (userId: string) => Promise<number>;
  readonly limits: UploadLimits;
  readonly avatarOfChat: ChatAvatarLookup;
}

/**
 * Plain HTTP multipart uploads (a browser can track their progress):
 * POST /api/avatars/:avatarId/materials (many files) and
 * POST /api/avatars/:avatarId/voice-sample (one file) and
 * POST /api/chats/:chatId/voice-messages (one recording).
 * Files stream to the BlobStore; each is recorded by its command only once durable.
 */
export async function uploadsPlugin(app: FastifyInstance, options: UploadsOptions): Promise<void> {
  const { limits } = options;
  await app.register(multipart, {
    // The blob store enforces the size limit exactly (and cleans up); busboy's limit, one byte
    // higher and silent, only makes sure an oversized part is skipped without stalling the request.
    throwFileSizeLimit: false,
    limits: {
      fileSize: limits.maxFileBytes + 1,
      files: limits.maxFiles,
      fields: 10,
      fieldSize: 1024,
      parts: limits.maxFiles + 10,
    },
  });

  app.post<{ Params: { avatarId: string } }>('/api/avatars/:avatarId/materials', async (request) => {
    const { userId, actor } = await ownedAvatar(request, options);
    const { avatarId } = request.params;
    let remaining = limits.maxUserBytes - (await options.bytesStoredBy(userId));
    const results = [];
    for await (const part of request.files()) {
      const fileName = safeFileName(part.filename ?? 'file');
      try {
        const quotaExceeded = () =>
          new DomainError(
            'BISHOP_ERR_QUOTA_EXCEEDED',
            `"${fileName}" does not fit in your storage limit of ${formatBytes(limits.maxUserBytes)}`,
            { fileName, maxBytes: limits.maxUserBytes },
          );
        if (remaining <= 0) throw quotaExceeded();
        const result = await storeUpload(
          options.blobs,
          { fileName, body: part.file },
          {
            maxBytes: Math.min(limits.maxFileBytes, remaining),
            // Past the remaining quota (smaller than the file limit), say so rather than "too large".
            ...(remaining < limits.maxFileBytes ? { tooLarge: quotaExceeded } : {}),
            blobKeyFor: (materialId) => materialBlobKey(avatarId, materialId),
            record: async (stored, classified, materialId) => {
              const outcome = await options.commands.avatar(avatarId, {
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
              remaining -= stored.size;
              return {
                fileName,
                materialId,
                kind: classified.kind,
                sizeBytes: stored.size,
                position: String(outcome.position),
              };
            },
          },
        );
        results.push(result);
      } catch (error) {
        const reported = part.file.truncated ? tooLarge(fileName, limits.maxFileBytes) : error;
        await drainStream(part.file);
        results.push(uploadFailure(fileName, reported));
      }
    }
    if (results.length === 0) throw new DomainError('BISHOP_ERR_UPLOAD_INVALID', 'The request contained no files');
    return { results };
  });

  app.post<{ Params: { avatarId: string }; Body: { url?: unknown } }>(
    '/api/avatars/:avatarId/materials/url',
    async (request) => {
      const { actor } = await ownedAvatar(request, options);
      const { avatarId } = request.params;
      const url = addressOf(request.body?.url);
      const fileName = safeFileName(`${url.hostname}${url.pathname.replace(/\/+$/, '').replaceAll('/', '_')}.url`);
      // Stored like a file, so it is owned, quota-counted, encrypted and removed like one; the extract worker fetches it.
      return storeUpload(
        options.blobs,
        { fileName, body: Readable.from([Buffer.from(`${url.toString()}\n`)]) },
        {
          maxBytes: 8192,
          blobKeyFor: (materialId) => materialBlobKey(avatarId, materialId),
          record: async (stored, classified, materialId) => {
            const outcome = await options.commands.avatar(avatarId, {
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
            return {
              fileName,
              materialId,
              kind: classified.kind,
              url: url.toString(),
              position: String(outcome.position),
            };
          },
        },
      );
    },
  );
  // Voice messages share the voice sample's size limit: both are recordings of a person speaking.
  voiceMessageRoute(app, { ...options, maxBytes: limits.maxVoiceSampleBytes });

  app.post<{ Params: { avatarId: string }; Querystring: { replacesActive?: string } }>(
    '/api/avatars/:avatarId/voice-sample',
    async (request) => {
      const { actor } = await ownedAvatar(request, options);
      const { avatarId } = request.params;
      const replacesActive = replacesActiveOf(request.query.replacesActive);
      const part = await request.file({
        throwFileSizeLimit: false,
        limits: { fileSize: limits.maxVoiceSampleBytes + 1, files: 1 },
      });
      if (!part) throw new DomainError('BISHOP_ERR_UPLOAD_INVALID', 'The request contained no file');
      const fileName = safeFileName(part.filename ?? 'voice');
      try {
        return await storeUpload(
          options.blobs,
          { fileName, body: part.file },
          {
            maxBytes: limits.maxVoiceSampleBytes,
            blobKeyFor: (sampleId) => voiceSampleBlobKey(avatarId, sampleId),
            accept: (classified) => acceptRecording(classified, fileName),
            record: async (stored, _classified, sampleId) => {
              const outcome = await options.commands.avatar(avatarId, {
                type: 'SubmitVoiceSample',
                data: { sampleId, blobKey: stored.key, source: { kind: 'upload', fileName }, replacesActive },
                metadata: metadataFor(actor, request),
              });
              return { fileName, sampleId, position: String(outcome.position) };
            },
          },
        );
      } catch (error) {
        await drainStream(part.file);
        throw part.file.truncated ? tooLarge(fileName, limits.maxVoiceSampleBytes) : error;
      }
    },
  );
}

/** `?replacesActive=false` keeps the sample in use (the web app asks); absent means replace, as before. */
function replacesActiveOf(value: string | undefined): boolean {
  if (value === undefined || value === 'true') return true;
  if (value === 'false') return false;
  throw new DomainError('BISHOP_ERR_INVALID_VALUE', 'The replacesActive parameter must be "true" or "false"', {
    field: 'replacesActive',
  });
}

async function ownedAvatar(request: FastifyRequest<{ Params: { avatarId: string } }>, options: UploadsOptions) {
  const actor = signedInUser(request, 'to upload files');
  await options.owns('AVATAR', request.params.avatarId, actor.userId);
  return { userId: actor.userId, actor };
}

/** An http(s) address the worker may fetch; whether its host is public is checked when fetching (after DNS). */
function addressOf(value: unknown): URL {
  const text = typeof value === 'string' ? value.trim() : '';
  let url: URL | null = null;
  try {
    url = text.length <= 2000 ? new URL(text) : null;
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', 'Give a web address starting with http:// or https://', {
      field: 'url',
    });
  }
  return url;
}
