import type { ChangeKind, ChangeNotice } from '@bishop/domain';
import { findAvatarById, findMaterialById, findMessagesByIds, findTrainingRunById } from '@bishop/projections';
import { callerId, type RequestContext } from '../request-context.ts';
import type { GraphQLServices } from '../services.ts';
import { mapIterator } from './async-iterators.ts';
import { avatarShape, materialShape, messageShape, trainingRunShape } from './shapes.ts';

type Context = RequestContext;

/**
 * Subscriptions are driven by the projector's change notices and the reply
 * worker's token signals (no polling). Each notice is re-read from the read
 * models, which are committed by the time the notice exists.
 */
export function subscriptionResolvers(services: GraphQLServices) {
  const { live, readModels: db } = services;

  function changes(context: Context, kinds: readonly ChangeKind[], where: (notice: ChangeNotice) => boolean) {
    const userId = callerId(context);
    return live.changes.subscribe(
      (notice) => notice.ownerId === userId && kinds.includes(notice.kind) && where(notice),
    );
  }

  const field = <T>(subscribe: (root: unknown, args: never, context: Context) => AsyncIterableIterator<T>) => ({
    subscribe,
    resolve: (payload: T) => payload,
  });

  return {
    Subscription: {
      replyTokens: field((_root, { chatId }: { chatId: string }) =>
        mapIterator(
          live.replyTokens.subscribe((token) => token.chatId === chatId),
          (token) => ({ messageId: token.messageId, index: token.index, text: token.text, done: token.done }),
        ),
      ),
      messageChanged: field((_root, { chatId }: { chatId: string }, context: Context) =>
        mapIterator(
          changes(context, ['message'], (n) => n.chatId === chatId),
          async (notice) => {
            const [row] = await findMessagesByIds(db, callerId(context), [notice.id]);
            return row ? { message: messageShape(row), position: BigInt(notice.position) } : undefined;
          },
        ),
      ),
      materialChanged: field((_root, { avatarId }: { avatarId: string }, context: Context) =>
        mapIterator(
          changes(context, ['material'], (n) => n.avatarId === avatarId),
          async (notice) => {
            const row = await findMaterialById(db, callerId(context), notice.id);
            return row ? { material: materialShape(row), position: BigInt(notice.position) } : undefined;
          },
        ),
      ),
      trainingChanged: field((_root, { avatarId }: { avatarId: string }, context: Context) =>
        mapIterator(
          changes(context, ['training'], (n) => n.avatarId === avatarId),
          async (notice) => {
            const row = await findTrainingRunById(db, callerId(context), notice.id);
            return row ? { run: trainingRunShape(row), position: BigInt(notice.position) } : undefined;
          },
        ),
      ),
      avatarChanged: field((_root, { avatarId }: { avatarId?: string | null }, context: Context) =>
        mapIterator(
          changes(context, ['avatar', 'voice', 'personaVersion'], (n) => !avatarId || n.avatarId === avatarId),
          async (notice) => {
            const row = await findAvatarById(db, callerId(context), notice.avatarId ?? notice.id);
            return row ? { avatar: avatarShape(row), position: BigInt(notice.position) } : undefined;
          },
        ),
      ),
    },
  };
}
