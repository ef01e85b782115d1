import type { CommandBus } from '@bishop/commands';
import { DomainError, voiceMessageBlobKey } from '@bishop/domain';
import type { BlobStore } from '@bishop/domain/ports';
import type { FastifyInstance } from 'fastify';
import { signedInUser } from '../auth/signed-in-user.ts';
import type { ChatAvatarLookup, OwnershipCheck } from '../graphql/ownership.ts';
import type { UploadClass } from './classify-upload.ts';
import { drainStream } from './drain-stream.ts';
import { safeFileName } from './safe-file-name.ts';
import { storeUpload } from './store-upload.ts';
import { metadataFor, tooLarge } from './upload-context.ts';

export interface VoiceMessageRouteOptions {
  readonly blobs: BlobStore;
  readonly commands: CommandBus;
  readonly owns: OwnershipCheck;
  readonly avatarOfChat: ChatAvatarLookup;
  readonly maxBytes: number;
}

/**
 * POST /api/chats/:chatId/voice-messages: one recording (the browser's
 * MediaRecorder webm/ogg, or any audio file), stored under the chat's avatar
 * and recorded as VoiceMessageSent; the transcript and the reply then follow
 * on `messageChanged` like a typed message's.
 */
export function voiceMessageRoute(app: FastifyInstance, options: VoiceMessageRouteOptions): void {
  app.post<{ Params: { chatId: string } }>('/api/chats/:chatId/voice-messages', async (request) => {
    const actor = signedInUser(request, 'to send voice messages');
    const { chatId } = request.params;
    await options.owns('CHAT', chatId, actor.userId);
    const avatarId = await options.avatarOfChat(chatId);
    if (!avatarId) throw new DomainError('BISHOP_ERR_NOT_FOUND', 'No chat with this id exists in your account');
    const part = await request.file({
      throwFileSizeLimit: false,
      limits: { fileSize: options.maxBytes + 1, files: 1 },
    });
    if (!part) throw new DomainError('BISHOP_ERR_UPLOAD_INVALID', 'The request contained no file');
    const fileName = safeFileName(part.filename ?? 'voice-message');
    try {
      return await storeUpload(
        options.blobs,
        { fileName, body: part.file },
        {
          maxBytes: options.maxBytes,
          blobKeyFor: (messageId) => voiceMessageBlobKey(avatarId, chatId, messageId),
          accept: (classified) => acceptRecording(classified, fileName),
          record: async (stored, classified, messageId) => {
            const outcome = await options.commands.chat(chatId, {
              type: 'SendVoiceMessage',
              data: {
                messageId,
                audio: {
                  blobKey: stored.key,
                  mediaType: audioMediaType(classified),
                  sizeBytes: stored.size,
                  sha256: stored.sha256,
                },
                callId: null,
              },
              metadata: metadataFor(actor, request),
            });
            return { messageId, position: String(outcome.position) };
          },
        },
      );
    } catch (error) {
      await drainStream(part.file);
      throw part.file.truncated ? tooLarge(fileName, options.maxBytes) : error;
    }
  });
}

/** Only recordings (a browser's webm counts: MediaRecorder writes audio-only WebM). */
export function acceptRecording(classified: UploadClass, fileName: string): void {
  if (classified.kind !== 'audio' && classified.kind !== 'video') {
    throw new DomainError(
      'BISHOP_ERR_FILE_UNSUPPORTED',
      `"${fileName}" is not a recording; upload .wav, .mp3, .ogg, .opus, .webm or .m4a`,
      { fileName },
    );
  }
}

/** A voice message is played as audio: containers named as video (.webm, .mp4) are stored as their audio type. */
function audioMediaType(classified: UploadClass): string {
  if (classified.mediaType.startsWith('audio/')) return classified.mediaType;
  return classified.mediaType === 'video/mp4' ? 'audio/mp4' : classified.mediaType.replace(/^video\/(x-)?/, 'audio/');
}
