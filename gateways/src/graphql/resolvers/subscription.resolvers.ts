import {
  type ChangeKind,
  type ChangeNotice,
  type ReplyTokenSignal,
  type TrainingProgressSignal,
  trainingStages,
} from '@bishop/domain';
import {
  findAvatarById,
  findMaterialById,
  findMessagesByIds,
  findTestReportsByRunIds,
  findTrainingRunById,
  listMaterials,
} from '@bishop/projections';
import type { GraphQLResolveInfo } from 'graphql';
import { mergeIterators } from '../../live/merge-iterators.ts';
import { callerId, type RequestContext } from '../request-context.ts';
import type { GraphQLServices } from '../services.ts';
import { createSharedSubscriptions, type SubscriptionContext } from '../shared-subscriptions.ts';
import type { SocketContext } from '../subscription-sockets.ts';
import { mapIterator, startingWith } from './async-iterators.ts';
import {
  avatarShape,
  materialShape,
  messageShape,
  type TestReportShape,
  testReportShape,
  trainingRunShape,
} from './shapes.ts';

type Context = RequestContext;
type TestChange = { report: TestReportShape; progress: { step: string; percent: number } | null; position: bigint };

/**
 * Subscriptions are driven by the projector's change notices and the reply
 * worker's token signals (no polling). Each notice is re-read from the read
 * models, which are committed by the time the notice exists.
 */
export function subscriptionResolvers(services: GraphQLServices) {
  const { live, readModels: db } = services;
  // Reply tokens go to many sockets of one chat at a high rate: executed and serialised once per shape.
  const sharedReplyTokens = createSharedSubscriptions(live.replyTokens);

  function changes(context: Context, kinds: readonly ChangeKind[], where: (notice: ChangeNotice) => boolean) {
    const userId = callerId(context);
    return live.changes.subscribe(
      (notice) => notice.ownerId === userId && kinds.includes(notice.kind) && where(notice),
    );
  }

  const field = <T>(
    subscribe: (root: unknown, args: never, context: Context, info: GraphQLResolveInfo) => AsyncIterableIterator<T>,
  ) => ({
    subscribe,
    resolve: (payload: T) => payload,
  });

  return {
    Subscription: {
      replyTokens: field((_root, { chatId }: { chatId: string }, context: SocketContext, info) => {
        const shape = (token: ReplyTokenSignal) => ({
          messageId: token.messageId,
          index: token.index,
          text: token.text,
          done: token.done,
        });
        return (
          sharedReplyTokens.subscribe(chatId, shape, context as SubscriptionContext, info) ??
          mapIterator(
            live.replyTokens.subscribe((token) => token.chatId === chatId),
            shape,
          )
        );
      }),
      messageChanged: field((_root, { chatId }: { chatId: string }, context: Context) =>
        mapIterator(
          changes(context, ['message'], (n) => n.chatId === chatId),
          async (notice) => {
            const [row] = await findMessagesByIds(db, callerId(context), [notice.id]);
            return row ? { message: messageShape(row), position: BigInt(notice.position) } : undefined;
          },
        ),
      ),
      // Starts with the avatar's materials as they are: a page loads them, then subscribes, and an extraction
      // that ended in between would otherwise show as running until a reload.
      materialChanged: field((_root, { avatarId }: { avatarId: string }, context: Context) =>
        startingWith(
          async () =>
            (await listMaterials(db, callerId(context), avatarId)).map((row) => ({
              material: materialShape(row),
              position: BigInt(row.last_position),
            })),
          mapIterator(
            changes(context, ['material'], (n) => n.avatarId === avatarId),
            async (notice) => {
              const row = await findMaterialById(db, callerId(context), notice.id);
              return row ? { material: materialShape(row), position: BigInt(notice.position) } : undefined;
            },
          ),
        ),
      ),
      // Stage changes come as read-model notices; percent and ETA within a stage as the worker's signals.
      trainingChanged: field((_root, { avatarId }: { avatarId: string }, context: Context) =>
        mergeIterators(
          mapIterator(
            changes(context, ['training'], (n) => n.avatarId === avatarId),
            async (notice) => {
              const row = await findTrainingRunById(db, callerId(context), notice.id);
              return row ? { run: trainingRunShape(row), position: BigInt(notice.position) } : undefined;
            },
          ),
          mapIterator(
            live.trainingProgress.subscribe((s) => s.ownerId === callerId(context) && s.avatarId === avatarId),
            async (signal) => {
              const row = await findTrainingRunById(db, callerId(context), signal.runId);
              if (!row || !isLiveProgressOf(row, signal)) return undefined;
              const run = trainingRunShape(row);
              return {
                run: { ...run, stage: signal.stage, percent: signal.percent, etaSeconds: signal.etaSeconds },
                position: row.last_position,
              };
            },
          ),
        ),
      ),
      // Start and report come as read-model notices; the step and percent between them as the worker's signals.
      testChanged: field((_root, { avatarId }: { avatarId: string }, context: Context) => {
        const reportOf = async (runId: string) => {
          const [row] = await findTestReportsByRunIds(db, callerId(context), [runId]);
          return row && row.avatar_id === avatarId ? row : undefined;
        };
        return mergeIterators(
          mapIterator(
            changes(context, ['testReport'], (n) => n.avatarId === avatarId),
            async (notice): Promise<TestChange | undefined> => {
              const row = await reportOf(notice.id);
              return row
                ? { report: testReportShape(row), progress: null, position: BigInt(notice.position) }
                : undefined;
            },
          ),
          mapIterator(
            live.testProgress.subscribe((s) => s.ownerId === callerId(context) && s.avatarId === avatarId),
            async (signal): Promise<TestChange | undefined> => {
              const row = await reportOf(signal.runId);
              // A signal that arrives after the report landed is stale.
              if (row?.status !== 'running') return undefined;
              const progress = { step: signal.step.toUpperCase(), percent: signal.percent };
              return { report: testReportShape(row), progress, position: row.last_position };
            },
          ),
        );
      }),
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

/** A signal that arrives after its run ended, or behind the stage the read model shows, is stale. */
function isLiveProgressOf(row: { status: string; stage: string | null }, signal: TrainingProgressSignal): boolean {
  if (row.status !== 'running') return false;
  const shown = row.stage === null ? -1 : trainingStages.indexOf(row.stage as TrainingProgressSignal['stage']);
  return trainingStages.indexOf(signal.stage) >= shown;
}
