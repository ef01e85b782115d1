import { Readable } from 'node:stream';
import { DomainError } from '@bishop/domain';
import type { BlobStore } from '@bishop/domain/ports';
import { findAvatarById, findChatById, type ReadModels, type TimelineKind } from '@bishop/projections';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { signedInUser } from '../auth/signed-in-user.ts';
import type { OwnershipCheck } from '../graphql/ownership.ts';
import { sendAsUserFile } from '../http-security/user-file-headers.ts';
import { accountArchive } from './account-archive.ts';
import { avatarArchive } from './avatar-archive.ts';
import { chatDocument, chatMarkdown } from './chat-export.ts';
import { exportJson } from './export-json.ts';
import { timelineLines } from './timeline-lines.ts';

export interface ExportsOptions {
  readonly db: Kysely<ReadModels>;
  readonly blobs: BlobStore;
  readonly owns: OwnershipCheck;
}

/**
 * Downloads of a person's own data, for the session's owner only:
 * GET /api/account/export                      everything the account owns, as a ZIP;
 * GET /api/avatars/:avatarId/export            everything about the avatar, as a ZIP;
 * GET /api/avatars/:avatarId/timeline.jsonl    its history as JSON Lines (`?kinds=training,material`);
 * GET /api/chats/:chatId/export                one chat as JSON, or Markdown with `?format=markdown`.
 */
export async function exportsPlugin(app: FastifyInstance, options: ExportsOptions): Promise<void> {
  const { db } = options;

  app.get('/api/account/export', async (request, reply) => {
    const { userId } = signedInUser(request, 'to download your data');
    download(reply, 'application/zip', `bishop-account-${userId}.zip`);
    return reply.send(accountArchive({ db, blobs: options.blobs }, userId));
  });

  app.get<{ Params: { avatarId: string } }>('/api/avatars/:avatarId/export', async (request, reply) => {
    const userId = await owner(request, 'AVATAR', request.params.avatarId);
    const avatar = await findAvatarById(db, userId, request.params.avatarId);
    if (!avatar) throw new DomainError('BISHOP_ERR_NOT_FOUND', 'This avatar is not visible yet; retry in a moment');
    download(reply, 'application/zip', `avatar-${avatar.avatar_id}.zip`);
    return reply.send(avatarArchive({ db, blobs: options.blobs }, userId, avatar));
  });

  app.get<{ Params: { avatarId: string }; Querystring: { kinds?: string } }>(
    '/api/avatars/:avatarId/timeline.jsonl',
    async (request, reply) => {
      const userId = await owner(request, 'AVATAR', request.params.avatarId);
      const kinds = request.query.kinds?.split(',').filter(Boolean) as TimelineKind[] | undefined;
      const lines = timelineLines(db, userId, request.params.avatarId, kinds);
      // The first line is read before answering, so a bad `kinds` gets a 400 and not a broken download.
      const first = await lines.next();
      download(reply, 'application/x-ndjson; charset=utf-8', `timeline-${request.params.avatarId}.jsonl`);
      return reply.send(
        Readable.from(
          (async function* () {
            if (!first.done) yield first.value;
            yield* lines;
          })(),
        ),
      );
    },
  );

  app.get<{ Params: { chatId: string }; Querystring: { format?: string } }>(
    '/api/chats/:chatId/export',
    async (request, reply) => {
      const userId = await owner(request, 'CHAT', request.params.chatId);
      const format = request.query.format ?? 'json';
      if (format !== 'json' && format !== 'markdown') {
        throw new DomainError('BISHOP_ERR_INVALID_VALUE', 'format must be "json" or "markdown"', { field: 'format' });
      }
      const chat = await findChatById(db, userId, request.params.chatId);
      if (!chat) throw new DomainError('BISHOP_ERR_NOT_FOUND', 'This chat is not visible yet; retry in a moment');
      const document = await chatDocument(db, userId, chat);
      if (format === 'json') {
        return download(reply, 'application/json; charset=utf-8', `chat-${chat.chat_id}.json`).send(
          exportJson(document),
        );
      }
      return download(reply, 'text/markdown; charset=utf-8', `chat-${chat.chat_id}.md`).send(chatMarkdown(document));
    },
  );

  /** Exports are the user's own words: downloads, never pages (passive types, sandboxed). */
  function download(reply: FastifyReply, contentType: string, fileName: string): FastifyReply {
    return sendAsUserFile(reply, { contentType, inline: false }, fileName).header('cache-control', 'no-store');
  }

  async function owner(request: FastifyRequest, kind: 'AVATAR' | 'CHAT', id: string): Promise<string> {
    const { userId } = signedInUser(request, 'to download your data');
    await options.owns(kind, id, userId);
    return userId;
  }
}
