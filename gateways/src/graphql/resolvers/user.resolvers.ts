import { DomainError } from '@bishop/domain';
import { findUserById, listApiTokens } from '@bishop/projections';
import { callerId, type RequestContext } from '../request-context.ts';
import type { GraphQLServices } from '../services.ts';
import { commandMetadata, written } from './command-metadata.ts';
import { eventually, readAfter } from './read-your-writes.ts';

type SessionResult = Awaited<ReturnType<GraphQLServices['auth']['logIn']>> & { position?: bigint };

export function userResolvers(services: GraphQLServices) {
  const { readModels: db, auth } = services;

  const loadUser = (userId: string, position?: bigint) =>
    position === undefined
      ? findUserById(db, userId, userId)
      : readAfter(services, position, () => findUserById(db, userId, userId));

  // A cookie session (the web app) gets its refresh token as an HttpOnly cookie, never in the answer.
  const sessionShape = (session: SessionResult, context: RequestContext) => {
    context.refreshTokenCookie?.keep(session);
    return {
      accessToken: session.accessToken,
      accessTokenExpiresAt: session.accessTokenExpiresAt,
      refreshToken: context.refreshTokenCookie ? null : session.refreshToken,
      user: async () => userShape(await loadUser(session.userId, session.position)),
    };
  };

  return {
    Query: {
      me: async (_root: unknown, _args: unknown, context: RequestContext) => {
        const userId = callerId(context);
        // Just signed up and the read models a few milliseconds behind? The token proves the account exists.
        return userShape(await eventually(() => loadUser(userId)));
      },
    },
    Mutation: {
      signUp: async (
        _root: unknown,
        { input }: { input: { email: string; fullName: string; password: string } },
        context: RequestContext,
      ) =>
        sessionShape(
          await auth.signUp(input, { correlationId: context.correlationId, clientIp: context.clientIp }),
          context,
        ),
      logIn: async (_root: unknown, args: { email: string; password: string }, context: RequestContext) =>
        sessionShape(await auth.logIn({ ...args, clientIp: context.clientIp }), context),
      refreshSession: async (_root: unknown, { refreshToken }: { refreshToken: string }, context: RequestContext) =>
        sessionShape(await auth.refresh(refreshToken), context),
      logOut: async (_root: unknown, { refreshToken }: { refreshToken: string }) => {
        await auth.logOut(refreshToken);
        return true;
      },
      updateProfile: async (_root: unknown, { fullName }: { fullName: string }, context: RequestContext) =>
        written(
          await services.commands.user(callerId(context), {
            type: 'UpdateProfile',
            data: { fullName },
            metadata: commandMetadata(context),
          }),
        ),
      issueApiToken: async (_root: unknown, { name }: { name: string }, context: RequestContext) => {
        const issued = await auth.issueApiToken(context.credential, { name });
        return {
          secret: issued.secret,
          position: issued.position,
          duplicate: false,
          token: { id: issued.tokenId, name: issued.name, issuedAt: new Date(), revokedAt: null },
        };
      },
      deleteAccount: async (_root: unknown, { password }: { password: string }, context: RequestContext) => ({
        ...(await auth.deleteAccount(context.credential, password, {
          correlationId: context.correlationId,
          clientIp: context.clientIp,
        })),
        duplicate: false,
      }),
      changePassword: async (
        _root: unknown,
        args: { currentPassword: string; newPassword: string },
        context: RequestContext,
      ) => {
        await auth.changePassword(context.credential, args, {
          correlationId: context.correlationId,
          clientIp: context.clientIp,
        });
        return true;
      },
      changeEmail: async (
        _root: unknown,
        args: { currentPassword: string; newEmail: string },
        context: RequestContext,
      ) => ({
        ...(await auth.changeEmail(context.credential, args, {
          correlationId: context.correlationId,
          clientIp: context.clientIp,
        })),
        duplicate: false,
      }),
      revokeApiToken: async (_root: unknown, { id }: { id: string }, context: RequestContext) => ({
        ...(await auth.revokeApiToken(context.credential, id)),
        duplicate: false,
      }),
      requestPasswordReset: async (_root: unknown, { email }: { email: string }, context: RequestContext) => {
        await auth.mailPasswordReset(email, { correlationId: context.correlationId, clientIp: context.clientIp });
        return true;
      },
      resetPassword: async (
        _root: unknown,
        { token, newPassword }: { token: string; newPassword: string },
        context: RequestContext,
      ) => {
        await auth.completePasswordReset(token, newPassword, { correlationId: context.correlationId });
        return true;
      },
    },
    User: {
      apiTokens: async (user: { id: string }) =>
        (await listApiTokens(db, user.id)).map((row) => ({
          id: row.token_id,
          name: row.name ?? '',
          issuedAt: row.issued_at,
          revokedAt: row.revoked_at,
        })),
    },
  };
}

function userShape(row: Awaited<ReturnType<typeof findUserById>>) {
  if (!row) throw new Error('the signed-in user has no read-model row');
  if (row.deleted_at !== null) throw new DomainError('BISHOP_ERR_DELETED', 'This account was deleted');
  return { id: row.user_id, email: row.email ?? '', fullName: row.full_name ?? '', registeredAt: row.registered_at };
}

/** ApiToken.lastUsedAt for a whole list in one store query (a Mercurius loader). */
export function apiTokenLoaders(services: GraphQLServices) {
  return {
    ApiToken: {
      lastUsedAt: async (queries: { obj: { id: string } }[]) => {
        const lastUsed = await services.auth.findApiTokensLastUsed(queries.map((q) => q.obj.id));
        return queries.map((q) => lastUsed.get(q.obj.id) ?? null);
      },
    },
  };
}
