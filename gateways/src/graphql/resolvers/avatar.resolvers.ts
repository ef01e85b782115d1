import { DomainError, type Gender } from '@bishop/domain';
import {
  findAvatarById,
  findChainHead,
  findMaterialById,
  findTestReportsByRunIds,
  findTrainingRunById,
  listAvatars,
  listChats,
  listMaterials,
  listPersonaVersions,
  listTestReports,
  listTimeline,
  listTrainingRuns,
  type PersonaVersion,
  type TimelineKind,
} from '@bishop/projections';
import type * as Schema from '../generated/resolver-types.ts';
import { callerId, type RequestContext } from '../request-context.ts';
import type { GraphQLServices } from '../services.ts';
import { commandMetadata, newEntityId, written } from './command-metadata.ts';
import { readPersonaView } from './persona-view.ts';
import { readAfter } from './read-your-writes.ts';
import {
  type AvatarShape,
  avatarShape,
  chatShape,
  connection,
  enumValue,
  materialShape,
  testReportShape,
  timelineShape,
  trainingRunShape,
} from './shapes.ts';

type Context = RequestContext;
export function avatarResolvers(services: GraphQLServices) {
  const { readModels: db, commands } = services;
  const loadAvatar = async (userId: string, avatarId: string) => {
    const row = await findAvatarById(db, userId, avatarId);
    return row ? avatarShape(row) : null;
  };
  const payload = (context: Context, avatarId: string, result: { position: bigint; duplicate: boolean }) => ({
    ...written(result),
    avatarId,
    avatar: () => readAfter(services, result.position, () => loadAvatar(callerId(context), avatarId)),
  });

  return {
    Query: {
      avatars: async (_root: unknown, args: Schema.QueryAvatarsArgs, context: Context) =>
        connection(await listAvatars(db, callerId(context), args), avatarShape),
      avatar: async (_root: unknown, { id }: Schema.QueryAvatarArgs, context: Context) =>
        // The guard proved ownership from the event log; the read model may lag a moment behind it.
        (await loadAvatar(callerId(context), id)) ?? notYetVisible('avatar'),
    },
    Mutation: {
      createAvatar: async (_root: unknown, args: Schema.MutationCreateAvatarArgs, context: Context) => {
        const avatarId = newEntityId(context, 'avatar', args.clientMutationId);
        const result = await commands.avatar(avatarId, {
          type: 'CreateAvatar',
          data: { avatarId, name: args.name },
          metadata: commandMetadata(context, args.clientMutationId),
        });
        return payload(context, avatarId, result);
      },
      renameAvatar: async (_root: unknown, { id, name }: Schema.MutationRenameAvatarArgs, context: Context) =>
        payload(
          context,
          id,
          await commands.avatar(id, { type: 'RenameAvatar', data: { name }, metadata: commandMetadata(context) }),
        ),
      editPersonaCard: async (_root: unknown, { id, card }: Schema.MutationEditPersonaCardArgs, context: Context) =>
        payload(
          context,
          id,
          await commands.avatar(id, {
            type: 'EditPersonaCard',
            data: {
              description: card.description ?? null,
              personality: card.personality ?? null,
              scenario: card.scenario ?? null,
              instructions: card.instructions ?? null,
              gender: card.gender ? (card.gender.toLowerCase() as Gender) : null,
              languages: card.languages ?? [],
            },
            metadata: commandMetadata(context),
          }),
        ),
      deleteAvatar: async (_root: unknown, { id, confirmName }: Schema.MutationDeleteAvatarArgs, context: Context) =>
        written(
          await commands.avatar(id, {
            type: 'DeleteAvatar',
            data: { confirmName },
            metadata: commandMetadata(context),
          }),
        ),
    },
    Avatar: {
      materials: async (avatar: AvatarShape, args: Schema.AvatarMaterialsArgs, context: Context) =>
        (await listMaterials(db, callerId(context), avatar.id, { includeRemoved: args.includeRemoved ?? false })).map(
          materialShape,
        ),
      material: async (avatar: AvatarShape, { id }: Schema.AvatarMaterialArgs, context: Context) => {
        const row = await findMaterialById(db, callerId(context), id);
        if (!row || row.avatar_id !== avatar.id) {
          throw new DomainError('BISHOP_ERR_NOT_FOUND', 'This avatar has no material with this id');
        }
        return materialShape(row);
      },
      trainingRuns: async (avatar: AvatarShape, args: Schema.AvatarTrainingRunsArgs, context: Context) =>
        connection(await listTrainingRuns(db, callerId(context), avatar.id, args), (row) => trainingRunShape(row)),
      currentTraining: async (avatar: AvatarShape, _args: unknown, context: Context) => {
        if (!avatar.trainingRunId) return null;
        const row = await findTrainingRunById(db, callerId(context), avatar.trainingRunId);
        return row ? trainingRunShape(row) : null;
      },
      personaVersions: async (avatar: AvatarShape, _args: unknown, context: Context) =>
        (await listPersonaVersions(db, callerId(context), avatar.id)).map(personaVersionShape),
      personaVersion: async (avatar: AvatarShape, { version }: Schema.AvatarPersonaVersionArgs, context: Context) => {
        const found = (await listPersonaVersions(db, callerId(context), avatar.id)).find((v) => v.version === version);
        if (!found) throw new DomainError('BISHOP_ERR_NOT_FOUND', `This avatar has no persona version ${version}`);
        return personaVersionShape(found);
      },
      chats: async (avatar: AvatarShape, args: Schema.AvatarChatsArgs, context: Context) =>
        connection(await listChats(db, callerId(context), avatar.id, args), chatShape),
      timeline: async (avatar: AvatarShape, args: Schema.AvatarTimelineArgs, context: Context) =>
        connection(
          await listTimeline(db, callerId(context), avatar.id, {
            ...args,
            kinds: args.kinds?.map((kind) => kind.toLowerCase() as TimelineKind),
          }),
          timelineShape,
        ),
      chainHead: async (avatar: AvatarShape, _args: unknown, context: Context) => {
        const head = await findChainHead(db, callerId(context), avatar.id);
        return head && { hash: head.chainHash, revision: Number(head.revision) };
      },
      testReports: async (avatar: AvatarShape, _args: unknown, context: Context) =>
        (await listTestReports(db, callerId(context), avatar.id)).map(testReportShape),
    },
    PersonaVersion: {
      card: async (version: PersonaVersionShape) => {
        const { card } = await readPersonaView(services.blobs, version.snapshotKey);
        return { ...card, gender: card.gender ? enumValue(card.gender) : null };
      },
      styleProfile: async (version: PersonaVersionShape) =>
        (await readPersonaView(services.blobs, version.snapshotKey)).style,
      settings: async (version: PersonaVersionShape) =>
        (await readPersonaView(services.blobs, version.snapshotKey)).settings,
      embedder: async (version: PersonaVersionShape) =>
        (await readPersonaView(services.blobs, version.snapshotKey)).embedder,
      materialsUsed: async (version: PersonaVersionShape) =>
        (await readPersonaView(services.blobs, version.snapshotKey)).corpus.map((ref) => ({
          ...ref,
          kind: enumValue(ref.kind),
        })),
      testReport: async (version: PersonaVersionShape, _args: unknown, context: Context) => {
        const [report] = await findTestReportsByRunIds(db, callerId(context), [version.runId]);
        return report ? testReportShape(report) : null;
      },
    },
  };
}

type PersonaVersionShape = ReturnType<typeof personaVersionShape>;

function personaVersionShape(version: PersonaVersion) {
  return {
    version: version.version,
    runId: version.run_id,
    createdAt: version.created_at,
    active: version.active,
    stats: version.stats,
    snapshotKey: version.snapshot_key,
  };
}

function notYetVisible(what: string): never {
  throw new DomainError('BISHOP_ERR_NOT_FOUND', `This ${what} is not visible yet; retry in a moment`);
}
