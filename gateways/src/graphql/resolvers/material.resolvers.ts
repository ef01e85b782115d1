import { DomainError } from '@bishop/domain';
import { mediaPath } from '../../media/media.plugin.ts';
import type * as Schema from '../generated/resolver-types.ts';
import { callerId, type RequestContext } from '../request-context.ts';
import type { GraphQLServices } from '../services.ts';
import { readSegments, readTextPrefix } from './blob-text.ts';
import { commandMetadata, written } from './command-metadata.ts';
import type { MaterialShape } from './shapes.ts';

type Context = RequestContext;
const MAX_TEXT_CHARS = 2_000_000;
const MAX_SEGMENTS = 5000;

export function materialResolvers(services: GraphQLServices) {
  const { commands, blobs, signer } = services;
  return {
    Mutation: {
      removeMaterial: async (_root: unknown, args: Schema.MutationRemoveMaterialArgs, context: Context) =>
        written(
          await commands.avatar(args.avatarId, {
            type: 'RemoveMaterial',
            data: { materialId: args.materialId },
            metadata: commandMetadata(context),
          }),
        ),
      chooseChatParticipant: async (_root: unknown, args: Schema.MutationChooseChatParticipantArgs, context: Context) =>
        written(
          await commands.avatar(args.avatarId, {
            type: 'ChooseChatParticipant',
            data: { materialId: args.materialId, participants: chosenParticipants(args) },
            metadata: commandMetadata(context),
          }),
        ),
    },
    Material: {
      text: async (material: MaterialShape, { maxChars }: Schema.MaterialTextArgs) => {
        if (!material.textBlobKey) return null;
        if (maxChars == null || !Number.isInteger(maxChars) || maxChars < 0 || maxChars > MAX_TEXT_CHARS) {
          throw new DomainError('BISHOP_ERR_INVALID_VALUE', `maxChars must be from 0 to ${MAX_TEXT_CHARS}`, {
            field: 'maxChars',
          });
        }
        return readTextPrefix(blobs, material.textBlobKey, maxChars);
      },
      segments: async (material: MaterialShape, { first, offset }: Schema.MaterialSegmentsArgs) => {
        if (!material.segmentsBlobKey) return [];
        if (first == null || offset == null || first < 0 || first > MAX_SEGMENTS || offset < 0) {
          throw new DomainError(
            'BISHOP_ERR_INVALID_VALUE',
            `first must be from 0 to ${MAX_SEGMENTS} and offset not negative`,
          );
        }
        return readSegments(blobs, material.segmentsBlobKey, offset, first);
      },
      downloadUrl: (material: MaterialShape, _args: unknown, context: Context) =>
        signer.sign(mediaPath(material.avatarId, `materials/${material.id}/original`), callerId(context)),
    },
  };
}

/** `participant` (one) or `participants` (several); both, or neither, is a mistake the caller is told about. */
function chosenParticipants(args: Schema.MutationChooseChatParticipantArgs): string[] {
  const one = args.participant ?? null;
  const several = args.participants ?? null;
  if ((one === null) === (several === null)) {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', 'Give either participant or participants', {
      field: 'participants',
    });
  }
  return several ?? [one as string];
}
