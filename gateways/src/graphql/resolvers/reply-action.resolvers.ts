import type { ChatCommand, Rating } from '@bishop/domain';
import {
  findMaterialsByIds,
  findMessagesByIds,
  replyFeedback,
  searchLimits,
  searchMessages,
} from '@bishop/projections';
import type * as Schema from '../generated/resolver-types.ts';
import { callerId, type RequestContext } from '../request-context.ts';
import type { GraphQLServices } from '../services.ts';
import { commandMetadata, written } from './command-metadata.ts';
import { messageShape } from './shapes.ts';

type Context = RequestContext;
type WithoutAvatar<C> = C extends { type: infer T; data: infer D } ? { type: T; data: Omit<D, 'avatar'> } : never;
type ReplySourceShape = { materialId: string | null; messageId: string | null };

/** Regenerate, choose, rate, edit and delete: each maps its arguments to one chat command. */
export function replyActionResolvers(services: GraphQLServices) {
  const { commands, readModels: db } = services;
  const send = async (chatId: string, command: WithoutAvatar<ChatCommand>, context: Context) =>
    written(await commands.chat(chatId, { ...command, metadata: commandMetadata(context) } as never));
  const rating = (value: string | null | undefined): Rating | null =>
    value === 'UP' ? 'up' : value === 'DOWN' ? 'down' : null;

  return {
    Query: {
      searchChats: async (_root: unknown, args: Schema.QuerySearchChatsArgs, context: Context) => {
        const text = args.text.slice(0, searchLimits.queryMaxLength);
        const hits = await searchMessages(db, callerId(context), args.avatarId, text, args.first ?? 20);
        return hits.map((hit) => ({ chatId: hit.chat_id, chatTitle: hit.chat_title, message: messageShape(hit) }));
      },
    },
    Mutation: {
      regenerateReply: (_root: unknown, args: Schema.MutationRegenerateReplyArgs, context: Context) =>
        send(args.chatId, { type: 'RegenerateReply', data: { messageId: args.messageId } }, context),
      chooseReply: (_root: unknown, args: Schema.MutationChooseReplyArgs, context: Context) =>
        send(args.chatId, { type: 'ChooseReply', data: { messageId: args.messageId, replyId: args.replyId } }, context),
      rateReply: (_root: unknown, args: Schema.MutationRateReplyArgs, context: Context) =>
        send(args.chatId, { type: 'RateReply', data: { replyId: args.replyId, rating: rating(args.rating) } }, context),
      editMessage: (_root: unknown, args: Schema.MutationEditMessageArgs, context: Context) =>
        send(args.chatId, { type: 'EditMessage', data: { messageId: args.messageId, text: args.text } }, context),
      deleteMessage: (_root: unknown, args: Schema.MutationDeleteMessageArgs, context: Context) =>
        send(args.chatId, { type: 'DeleteMessage', data: { messageId: args.messageId } }, context),
    },
    Avatar: {
      replyFeedback: async (avatar: { id: string }, _args: unknown, context: Context) =>
        (await replyFeedback(db, callerId(context), avatar.id)).sort(
          (a, b) => (b.personaVersion ?? 0) - (a.personaVersion ?? 0),
        ),
    },
  };
}

/** A page of replies names a few materials and earlier messages: one query each, per request. */
export function replySourceLoaders(services: GraphQLServices) {
  const db = services.readModels;
  return {
    CitedSource: {
      material: async (queries: { obj: ReplySourceShape }[], context: Context) => {
        const ids = queries.map((q) => q.obj.materialId);
        const wanted = ids.filter((id): id is string => id !== null);
        const rows = wanted.length === 0 ? [] : await findMaterialsByIds(db, callerId(context), wanted);
        const byId = new Map(rows.flatMap((row) => (row ? [[row.material_id, row] as const] : [])));
        return ids.map((id) => {
          const row = id === null ? undefined : byId.get(id);
          return row ? { id: row.material_id, fileName: row.file_name, uploadedAt: row.uploaded_at } : null;
        });
      },
      saidAt: async (queries: { obj: ReplySourceShape }[], context: Context) => {
        const ids = queries.map((q) => q.obj.messageId);
        const wanted = ids.filter((id): id is string => id !== null);
        const rows = wanted.length === 0 ? [] : await findMessagesByIds(db, callerId(context), wanted);
        const byId = new Map(rows.flatMap((row) => (row ? [[row.message_id, row.sent_at] as const] : [])));
        return ids.map((id) => (id === null ? null : (byId.get(id) ?? null)));
      },
    },
  };
}
