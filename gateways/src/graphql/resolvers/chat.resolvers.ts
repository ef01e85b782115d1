import { DomainError } from '@bishop/domain';
import { findAvatarsByIds, findChatById, findMessagesByIds, listMessages } from '@bishop/projections';
import { mediaPath } from '../../media/media.plugin.ts';
import type * as Schema from '../generated/resolver-types.ts';
import { callerId, type RequestContext } from '../request-context.ts';
import type { GraphQLServices } from '../services.ts';
import { commandMetadata, newEntityId, written } from './command-metadata.ts';
import { eventually, readAfter } from './read-your-writes.ts';
import { avatarShape, chatShape, connection, messageShape } from './shapes.ts';

type Context = RequestContext;
type ChatShape = ReturnType<typeof chatShape>;
type MessageShape = ReturnType<typeof messageShape>;

export function chatResolvers(services: GraphQLServices) {
  const { commands, readModels: db, signer } = services;
  const loadChat = async (userId: string, chatId: string) => {
    const row = await findChatById(db, userId, chatId);
    return row && chatShape(row);
  };
  const loadMessage = async (userId: string, messageId: string) => {
    const [row] = await findMessagesByIds(db, userId, [messageId]);
    return row && messageShape(row);
  };

  /** An avatar's blob key (`avatars/<id>/…`) as a signed media URL for the caller. */
  const signedAudioUrl = (media: { blobKey: string | null }, _args: unknown, context: Context) => {
    if (!media.blobKey) return null;
    const [, avatarId, ...rest] = media.blobKey.split('/');
    return signer.sign(mediaPath(avatarId ?? '', rest.join('/')), callerId(context));
  };

  return {
    Query: {
      chat: async (_root: unknown, { id }: Schema.QueryChatArgs, context: Context) =>
        // The guard proved ownership from the event log; give the read model a moment if it lags.
        (await eventually(() => loadChat(callerId(context), id))) ??
        Promise.reject(new DomainError('BISHOP_ERR_NOT_FOUND', 'This chat is not visible yet; retry in a moment')),
    },
    Mutation: {
      openChat: async (_root: unknown, args: Schema.MutationOpenChatArgs, context: Context) => {
        const chatId = newEntityId(context, 'chat', args.clientMutationId);
        const result = await commands.chat(chatId, {
          type: 'OpenChat',
          data: {
            chatId,
            avatarId: args.avatarId,
            title: args.title ?? null,
            personaVersion: args.personaVersion ?? null,
          },
          metadata: commandMetadata(context, args.clientMutationId),
        });
        return {
          ...written(result),
          chatId,
          chat: () => readAfter(services, result.position, () => loadChat(callerId(context), chatId)),
        };
      },
      renameChat: async (_root: unknown, { id, title }: Schema.MutationRenameChatArgs, context: Context) =>
        written(await commands.chat(id, { type: 'RenameChat', data: { title }, metadata: commandMetadata(context) })),
      deleteChat: async (_root: unknown, { id }: Schema.MutationDeleteChatArgs, context: Context) =>
        written(await commands.chat(id, { type: 'DeleteChat', data: {}, metadata: commandMetadata(context) })),
      sendMessage: async (_root: unknown, args: Schema.MutationSendMessageArgs, context: Context) => {
        const messageId = newEntityId(context, 'message', args.clientMutationId);
        const result = await commands.chat(args.chatId, {
          type: 'SendMessage',
          data: { messageId, text: args.text },
          metadata: commandMetadata(context, args.clientMutationId),
        });
        return {
          ...written(result),
          messageId,
          message: () => readAfter(services, result.position, () => loadMessage(callerId(context), messageId)),
        };
      },
      cancelReply: async (_root: unknown, args: Schema.MutationCancelReplyArgs, context: Context) =>
        written(
          await commands.chat(args.chatId, {
            type: 'CancelReply',
            data: { messageId: args.messageId },
            metadata: commandMetadata(context),
          }),
        ),
    },
    Chat: {
      messages: async (chat: ChatShape, args: Schema.ChatMessagesArgs, context: Context) =>
        connection(
          await listMessages(db, callerId(context), chat.id, {
            first: args.first,
            after: args.after,
            order: args.newestFirst ? 'newestFirst' : 'oldestFirst',
          }),
          messageShape,
        ),
    },
    Dub: { audioUrl: signedAudioUrl },
    VoiceRecording: { audioUrl: signedAudioUrl },
  };
}

/** Chat.avatar for a whole page of chats in one query. */
export function chatLoaders(services: GraphQLServices) {
  return {
    Chat: {
      avatar: async (queries: { obj: ChatShape }[], context: Context) => {
        const rows = await findAvatarsByIds(
          services.readModels,
          callerId(context),
          queries.map((q) => q.obj.avatarId),
        );
        return rows.map((row) => (row ? avatarShape(row) : null));
      },
    },
  };
}

export type { MessageShape };
