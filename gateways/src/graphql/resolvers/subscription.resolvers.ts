import { type ReplyTokenSignal, type TrainingProgressSignal, trainingStages } from '@bishop/domain';
import {
  findAvatarById,
  findMaterialById,
  findMessagesByIds,
  findTestReportsByRunIds,
  findTrainingRunById,
  listAvatars,
  listMaterials,
  listMessages,
  listTestReports,
  listTrainingRuns,
} from '@bishop/projections';
import type { GraphQLResolveInfo } from 'graphql';
import { mergeIterators } from '../../live/merge-iterators.ts';
import type * as Schema from '../generated/resolver-types.ts';
import { callerId, type RequestContext } from '../request-context.ts';
import type { GraphQLServices } from '../services.ts';
import { createSharedSubscriptions, type SubscriptionContext } from '../shared-subscriptions.ts';
import type { SocketContext } from '../subscription-sockets.ts';
import { mapIterator } from './async-iterators.ts';
import { ownedChanges } from './owned-changes.ts';
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

/** As many as the pages show: a chat's newest messages, an avatar list's first page. */
const NEWEST_PAGE = { first: 50 } as const;

/**
 * Subscriptions are driven by the projector's change notices and the reply
 * worker's token signals (no polling). Each notice is re-read from the read
 * models, which are committed by the time the notice exists.
 */
export function subscriptionResolvers(services: GraphQLServices) {
  const { live, readModels: db } = services;
  const { rowChanges } = ownedChanges(live);
  // Reply tokens go to many sockets of one chat at a high rate: executed and serialised once per shape.
  const sharedReplyTokens = createSharedSubscriptions(live.replyTokens);

  const field = <T>(
    subscribe: (root: unknown, args: never, context: Context, info: GraphQLResolveInfo) => AsyncIterableIterator<T>,
  ) => ({
    subscribe,
    resolve: (payload: T) => payload,
  });

  return {
    Subscription: {
      replyTokens: field((_root, { chatId }: Schema.SubscriptionReplyTokensArgs, context: SocketContext, info) => {
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
      // Each subscription starts with what its page shows, as it is now: a page loads, then subscribes, and a
      // change in between (an extraction or a reply that ended) would otherwise be missed until a reload.
      messageChanged: field((_root, { chatId }: Schema.SubscriptionMessageChangedArgs, context: Context) =>
        rowChanges(context, {
          kinds: ['message'],
          where: (n) => n.chatId === chatId,
          // Oldest first, as they were sent.
          current: async (owner) => (await listMessages(db, owner, chatId, NEWEST_PAGE)).items.reverse(),
          byId: async (owner, id) => (await findMessagesByIds(db, owner, [id]))[0],
          shape: (row, position) => ({ message: messageShape(row), position }),
        }),
      ),
      materialChanged: field((_root, { avatarId }: Schema.SubscriptionMaterialChangedArgs, context: Context) =>
        rowChanges(context, {
          kinds: ['material'],
          where: (n) => n.avatarId === avatarId,
          current: (owner) => listMaterials(db, owner, avatarId),
          byId: (owner, id) => findMaterialById(db, owner, id),
          shape: (row, position) => ({ material: materialShape(row), position }),
        }),
      ),
      // Stage changes come as read-model notices; percent and ETA within a stage as the worker's signals.
      trainingChanged: field((_root, { avatarId }: Schema.SubscriptionTrainingChangedArgs, context: Context) =>
        mergeIterators(
          rowChanges(context, {
            kinds: ['training'],
            where: (n) => n.avatarId === avatarId,
            // The latest run: the one that can have been running when the page loaded.
            current: async (owner) => (await listTrainingRuns(db, owner, avatarId, { first: 1 })).items,
            byId: (owner, id) => findTrainingRunById(db, owner, id),
            shape: (row, position) => ({ run: trainingRunShape(row), position }),
          }),
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
      testChanged: field((_root, { avatarId }: Schema.SubscriptionTestChangedArgs, context: Context) => {
        const reportOf = async (runId: string) => {
          const [row] = await findTestReportsByRunIds(db, callerId(context), [runId]);
          return row && row.avatar_id === avatarId ? row : undefined;
        };
        return mergeIterators(
          rowChanges(context, {
            kinds: ['testReport'],
            where: (n) => n.avatarId === avatarId,
            // The test that changed last: the one that can have been running when the page loaded.
            current: async (owner) => (await listTestReports(db, owner, avatarId)).sort(byLastChange).slice(0, 1),
            byId: (_owner, id) => reportOf(id),
            shape: (row, position): TestChange => ({ report: testReportShape(row), progress: null, position }),
          }),
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
      avatarChanged: field((_root, { avatarId }: Schema.SubscriptionAvatarChangedArgs, context: Context) =>
        rowChanges(context, {
          kinds: ['avatar', 'voice', 'personaVersion'],
          where: (n) => !avatarId || n.avatarId === avatarId,
          current: async (owner) =>
            avatarId
              ? [await findAvatarById(db, owner, avatarId)].filter((row) => row !== null)
              : (await listAvatars(db, owner, NEWEST_PAGE)).items,
          byId: (owner, id, notice) => findAvatarById(db, owner, notice.avatarId ?? id),
          shape: (row, position) => ({ avatar: avatarShape(row), position }),
        }),
      ),
    },
  };
}

const byLastChange = (a: { last_position: bigint }, b: { last_position: bigint }) =>
  Number(BigInt(b.last_position) - BigInt(a.last_position));

/** A signal that arrives after its run ended, or behind the stage the read model shows, is stale. */
function isLiveProgressOf(row: { status: string; stage: string | null }, signal: TrainingProgressSignal): boolean {
  if (row.status !== 'running') return false;
  const shown = row.stage === null ? -1 : trainingStages.indexOf(row.stage as TrainingProgressSignal['stage']);
  return trainingStages.indexOf(signal.stage) >= shown;
}
