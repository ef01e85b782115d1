import { DomainError, type JsonObject } from '@bishop/domain';
import { findTestReportsByRunIds, findTrainingRunById, listMaterials } from '@bishop/projections';
import type * as Schema from '../generated/resolver-types.ts';
import { callerId, type RequestContext } from '../request-context.ts';
import type { GraphQLServices } from '../services.ts';
import { commandMetadata, newEntityId, written } from './command-metadata.ts';
import { readAfter } from './read-your-writes.ts';
import { materialShape, type TrainingRunShape, testReportShape, trainingRunShape } from './shapes.ts';

type Context = RequestContext;

export function trainingResolvers(services: GraphQLServices) {
  const { commands, readModels: db } = services;
  return {
    Mutation: {
      startTraining: async (_root: unknown, args: Schema.MutationStartTrainingArgs, context: Context) => {
        const settings = args.settings ?? {};
        if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
          throw new DomainError('BISHOP_ERR_INVALID_VALUE', 'Training settings must be a JSON object', {
            field: 'settings',
          });
        }
        const runId = newEntityId(context, 'training-run', args.clientMutationId);
        const result = await commands.avatar(args.avatarId, {
          type: 'StartTraining',
          data: { runId, settings: settings as JsonObject },
          metadata: commandMetadata(context, args.clientMutationId),
        });
        return {
          ...written(result),
          runId,
          run: () =>
            readAfter(services, result.position, async () => {
              const row = await findTrainingRunById(db, callerId(context), runId);
              return row && trainingRunShape(row);
            }),
        };
      },
      stopTraining: async (_root: unknown, args: Schema.MutationStopTrainingArgs, context: Context) =>
        written(
          await commands.avatar(args.avatarId, {
            type: 'StopTraining',
            data: { runId: args.runId },
            metadata: commandMetadata(context),
          }),
        ),
      activatePersonaVersion: async (
        _root: unknown,
        args: Schema.MutationActivatePersonaVersionArgs,
        context: Context,
      ) =>
        written(
          await commands.avatar(args.avatarId, {
            type: 'ActivatePersonaVersion',
            data: { personaVersion: args.version },
            metadata: commandMetadata(context),
          }),
        ),
    },
    TrainingRun: {
      materials: async (run: TrainingRunShape, _args: unknown, context: Context) => {
        const used = new Set(run.materialIds);
        const materials = await listMaterials(db, callerId(context), run.avatarId, { includeRemoved: true });
        return materials.filter((row) => used.has(row.material_id)).map(materialShape);
      },
    },
  };
}

/** TrainingRun.testReport for a whole page of runs in one query. */
export function trainingLoaders(services: GraphQLServices) {
  return {
    TrainingRun: {
      testReport: async (queries: { obj: TrainingRunShape }[], context: Context) => {
        const reports = await findTestReportsByRunIds(
          services.readModels,
          callerId(context),
          queries.map((q) => q.obj.id),
        );
        return reports.map((row) => (row ? testReportShape(row) : null));
      },
    },
  };
}
