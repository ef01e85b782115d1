import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DomainError, systemActor } from '@bishop/domain';
import {
  type BlindTestInviteRow,
  findOpenBlindTestInvite,
  listBlindTestInvites,
  listBlindTestScores,
} from '@bishop/projections';
import type * as Schema from '../generated/resolver-types.ts';
import { callerId, type RequestContext } from '../request-context.ts';
import type { GraphQLServices } from '../services.ts';
import { blindTestRound, decodeGuess, type OptionGuess } from './blind-test-pairs.ts';
import { commandMetadata, written } from './command-metadata.ts';

type Context = RequestContext;

// 256 random bits: unguessable, and the store keeps only its hash.
const newToken = () => randomBytes(32).toString('base64url');
const tokenHashOf = (token: string) => `sha256$${createHash('sha256').update(token).digest('hex')}`;

const inviteShape = (row: BlindTestInviteRow, now = new Date()) => ({
  id: row.invite_id,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
  open: row.revoked_at === null && row.expires_at > now,
  guesses: row.guesses,
});

/** "Which one is real?": the owner's test and invites, and what a guest's link opens (the pairs, nothing more). */
export function blindTestResolvers(services: GraphQLServices) {
  const { commands, readModels: db } = services;

  /** The invite a guest's token opens; anything else answers alike, so a token reveals nothing. */
  const openInvite = async (token: string) => {
    const invite = typeof token === 'string' ? await findOpenBlindTestInvite(db, tokenHashOf(token), new Date()) : null;
    if (!invite) throw new DomainError('BISHOP_ERR_INVITE_INVALID', 'This invite link is not valid (any more)');
    return invite;
  };

  /** The answer to a guess: the decider's verdict when it recorded one, and whether this guess counted. */
  const guessed = (
    decoded: Awaited<ReturnType<typeof decodeGuess>>,
    result: Awaited<ReturnType<typeof commands.avatar>>,
  ) => {
    const event = result.events.find((recorded) => recorded.type === 'BlindTestGuessed');
    return {
      ...decoded.answer(event ? (event.data as { correct: boolean }).correct : null),
      counted: event !== undefined && !result.duplicate,
      ...written(result),
    };
  };

  return {
    Query: {
      invitedBlindTest: async (_root: unknown, args: Schema.QueryInvitedBlindTestArgs) => {
        const invite = await openInvite(args.token);
        const round = await blindTestRound(db, invite.owner_id, invite.avatar_id);
        if (!round) throw new DomainError('BISHOP_ERR_INVITE_INVALID', 'This invite link is not valid (any more)');
        return round;
      },
    },
    Mutation: {
      createBlindTestInvite: async (
        _root: unknown,
        args: Schema.MutationCreateBlindTestInviteArgs,
        context: Context,
      ) => {
        const token = newToken();
        const inviteId = randomUUID();
        const result = await commands.avatar(args.avatarId, {
          type: 'CreateBlindTestInvite',
          data: { inviteId, tokenHash: tokenHashOf(token), days: args.days },
          metadata: commandMetadata(context),
        });
        const created = result.events.find((event) => event.type === 'BlindTestInviteCreated');
        const expiresAt = new Date((created?.data as { expiresAt: string } | undefined)?.expiresAt ?? Date.now());
        return {
          ...written(result),
          token,
          invite: { id: inviteId, createdAt: new Date(), expiresAt, revokedAt: null, open: true, guesses: 0 },
        };
      },
      revokeBlindTestInvite: async (_root: unknown, args: Schema.MutationRevokeBlindTestInviteArgs, context: Context) =>
        written(
          await commands.avatar(args.avatarId, {
            type: 'RevokeBlindTestInvite',
            data: { inviteId: args.inviteId },
            metadata: commandMetadata(context),
          }),
        ),
      guessBlindTest: async (_root: unknown, args: Schema.MutationGuessBlindTestArgs, context: Context) => {
        const ownerId = callerId(context);
        const decoded = await decodeGuess(db, ownerId, args.avatarId, args);
        const result = await commands.avatar(args.avatarId, {
          type: 'RecordBlindTestGuess',
          data: { ...guessOf(args, decoded.chosenReply), inviteId: null, guesser: ownerId },
          metadata: commandMetadata(context),
        });
        return guessed(decoded, result);
      },
      guessInvitedBlindTest: async (
        _root: unknown,
        args: Schema.MutationGuessInvitedBlindTestArgs,
        context: Context,
      ) => {
        const invite = await openInvite(args.token);
        const decoded = await decodeGuess(db, invite.owner_id, invite.avatar_id, args);
        const result = await commands.avatar(invite.avatar_id, {
          type: 'RecordBlindTestGuess',
          data: { ...guessOf(args, decoded.chosenReply), inviteId: invite.invite_id, guesser: args.guesser },
          // A guest has no account: the blind-test service records the guess for them.
          metadata: {
            commandId: randomUUID(),
            actor: systemActor('blind-test'),
            now: new Date().toISOString(),
            correlationId: context.correlationId,
          },
        });
        return guessed(decoded, result);
      },
    },
    Avatar: {
      blindTest: (avatar: { id: string }, _args: unknown, context: Context) =>
        blindTestRound(db, callerId(context), avatar.id),
      blindTestScores: async (avatar: { id: string }, _args: unknown, context: Context) =>
        (await listBlindTestScores(db, callerId(context), avatar.id)).map((row) => ({
          personaVersion: row.persona_version,
          guesses: row.guesses,
          correct: row.correct,
          accuracy: row.guesses === 0 ? null : row.correct / row.guesses,
        })),
      blindTestInvites: async (avatar: { id: string }, _args: unknown, context: Context) =>
        (await listBlindTestInvites(db, callerId(context), avatar.id)).map((row) => inviteShape(row)),
    },
  };
}

function guessOf(args: OptionGuess, chosenReply: string | null) {
  return { personaVersion: args.personaVersion, pairIndex: args.pairIndex, chosenReply };
}
