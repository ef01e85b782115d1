import { Readable } from 'node:stream';
import { avatarBlobPrefix, DomainError } from '@bishop/domain';
import { BlobNotFoundError, type BlobStore } from '@bishop/domain/ports';
import type { FastifyInstance } from 'fastify';
import { signedInUserOrNull } from '../auth/signed-in-user.ts';
import type { OwnershipCheck } from '../graphql/ownership.ts';
import { sendAsUserFile, servedAs } from '../http-security/user-file-headers.ts';
import { parseByteRange } from './byte-range.ts';
import type { MediaFileName } from './media-file-names.ts';
import type { MediaUrlSigner } from './signed-urls.ts';

export interface MediaOptions {
  readonly blobs: BlobStore;
  readonly owns: OwnershipCheck;
  readonly signer: MediaUrlSigner;
  readonly fileName: MediaFileName;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** The blobs of an avatar that may be fetched, relative to `avatars/<id>/`. */
const SERVABLE = new RegExp(
  `^(materials/${UUID}/(original|text\\.txt|segments\\.json)|voice/${UUID}|voice-previews/${UUID}|chats/${UUID}/(dubs|voice)/${UUID})$`,
);

/**
 * GET /api/media/avatars/:avatarId/<path>: materials, extracted texts,
 * voice samples, voice messages and dubs, with HTTP range requests. Allowed with the session
 * (Authorization header) or a signed URL; either way only for the owner. Never
 * active content: audio plays inline, extracted text shows as UTF-8 plain text,
 * everything else is an attachment of a passive type (see user-file-headers.ts).
 */
export async function mediaPlugin(app: FastifyInstance, options: MediaOptions): Promise<void> {
  app.get<{ Params: { avatarId: string; '*': string }; Querystring: { u?: string; e?: string; s?: string } }>(
    '/api/media/avatars/:avatarId/*',
    async (request, reply) => {
      const { avatarId } = request.params;
      const rest = request.params['*'];
      if (!SERVABLE.test(rest)) throw new DomainError('BISHOP_ERR_NOT_FOUND', 'No such media');
      const userId =
        signedInUserOrNull(request)?.userId ?? options.signer.verify(request.url.split('?')[0] ?? '', request.query);
      if (!userId)
        throw new DomainError('BISHOP_ERR_UNAUTHENTICATED', 'This link has expired or is not valid; reload the page');
      await options.owns('AVATAR', avatarId, userId);

      const key = `${avatarBlobPrefix(avatarId)}/${rest}`;
      const stat = await options.blobs.stat(key);
      if (!stat) throw new DomainError('BISHOP_ERR_NOT_FOUND', 'No such media');
      const range = parseByteRange(request.headers.range, stat.size);
      const served = servedAs(stat.contentType, { utf8Text: rest.endsWith('/text.txt') });
      sendAsUserFile(reply, served, await options.fileName(userId, rest, stat.contentType));
      reply.header('accept-ranges', 'bytes').header('cache-control', 'private, max-age=300');
      if (range === 'unsatisfiable') {
        return reply.code(416).header('content-range', `bytes */${stat.size}`).send();
      }
      try {
        const blob = await options.blobs.get(key, range ? { range } : {});
        if (range) {
          reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${blob.size}`);
          reply.header('content-length', range.end - range.start + 1);
        } else {
          reply.header('content-length', blob.size);
        }
        return reply.send(Readable.from(blob.body));
      } catch (error) {
        if (error instanceof BlobNotFoundError) throw new DomainError('BISHOP_ERR_NOT_FOUND', 'No such media');
        throw error;
      }
    },
  );
}

/** The path (without query) of a servable blob, for signing. */
export function mediaPath(avatarId: string, relative: string): string {
  return `/api/media/avatars/${avatarId}/${relative}`;
}
