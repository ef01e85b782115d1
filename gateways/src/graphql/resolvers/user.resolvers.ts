import { DomainError } from '@bishop/domain';
import { findUserById, listApiTokens } from '@bishop/projections';
import type * as Schema from '../generated/resolver-types.ts';
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
      signUp: async (_root: unknown, { input }: Schema.MutationSignUpArgs, context: RequestContext) =>
        sessionShape(
          await auth.signUp(input, { correlationId: context.correlationId, clientIp: context.clientIp }),
          context,
        ),
      logIn: async (_root: unknown, args: Schema.MutationLogInArgs, context: RequestContext) =>
        sessionShape(await auth.logIn({ ...args, clientIp: context.clientIp }), context),
      refreshSession: async (
        _root: unknown,
        { refreshToken }: Schema.MutationRefreshSessionArgs,
        context: RequestContext,
      ) => sessionShape(await auth.refresh(refreshToken), context),
      logOut: async (_root: unknown, { refreshToken }: Schema.MutationLogOutArgs) => {
        await auth.logOut(refreshToken);
        return true;
      },
      updateProfile: async (_root: unknown, { fullName }: Schema.MutationUpdateProfileArgs, context: RequestContext) =>
        written(
          await services.commands.user(callerId(context), {
            type: 'UpdateProfile',
            data: { fullName },
            metadata: commandMetadata(context),
          }),
        ),
      issueApiToken: async (_root: unknown, { name }: Schema.MutationIssueApiTokenArgs, context: RequestContext) => {
        const issued = await auth.issueApiToken(context.credential, { name });
        return {
          secret: issued.secret,
          position: issued.position,
          duplicate: false,
          token: { id: issued.tokenId, name: issued.name, issuedAt: new Date(), revokedAt: null },
        };
      },
      deleteAccount: async (
        _root: unknown,
        { password }: Schema.MutationDeleteAccountArgs,
        context: RequestContext,
      ) => ({
        ...(await auth.deleteAccount(context.credential, password, {
          correlationId: context.correlationId,
          clientIp: context.clientIp,
        })),
        duplicate: false,
      }),
      changePassword: async (_root: unknown, args: Schema.MutationChangePasswordArgs, context: RequestContext) => {
        await auth.changePassword(context.credential, args, {
          correlationId: context.correlationId,
          clientIp: context.clientIp,
        });
        return true;
      },
      changeEmail: async (_root: unknown, args: Schema.MutationChangeEmailArgs, context: RequestContext) => ({
        ...(await auth.changeEmail(context.credential, args, {
          correlationId: context.correlationId,
          clientIp: context.clientIp,
        })),
        duplicate: false,
      }),
      revokeApiToken: async (_root: unknown, { id }: Schema.MutationRevokeApiTokenArgs, context: RequestContext) => ({
        ...(await auth.revokeApiToken(context.credential, id)),
        duplicate: false,
      }),
      requestPasswordReset: async (
        _root: unknown,
        { email }: Schema.MutationRequestPasswordResetArgs,
        context: RequestContext,
      ) => {
        await auth.mailPasswordReset(email, { correlationId: context.correlationId, clientIp: context.clientIp });
        return true;
      },
      resetPassword: async (
        _root: unknown,
        { token, newPassword }: Schema.MutationResetPasswordArgs,
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
