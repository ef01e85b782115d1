import { randomUUID } from 'node:crypto';
import { userActor } from '@bishop/domain';
import type { FastifyInstance } from 'fastify';
import { type AuthService, credentialFromConnectionInit } from '../auth/index.ts';
import type { LiveFeeds } from '../live/live-feeds.ts';
import { type ClosableSocket, createSocketRegistry } from '../live/socket-registry.ts';
import type { RequestContext } from './request-context.ts';

/** The part of a `ws` WebSocket subscriptions use: closing it, and sending on it directly (shared-subscriptions.ts). */
export interface LiveSocket extends ClosableSocket {
  readonly protocol: string;
  readonly readyState: number;
  readonly bufferedAmount: number;
  send(data: string): void;
}

/** A subscription's context: the request's, plus the socket it arrived on. */
export interface SocketContext extends RequestContext {
  readonly bishopSocket?: LiveSocket;
}

/**
 * Credentials are checked at `connection_init`, and then revocation keeps
 * checking: every socket that starts a subscription is registered with its
 * credential, and each revocation heard on the bus (from any gateway process)
 * closes the sockets that rode on it, as its access token's expiry does.
 * Returns Mercurius's `subscription` options for GraphQL over WebSocket.
 */
export function subscriptionSockets(auth: AuthService, live: LiveFeeds) {
  const sockets = createSocketRegistry();

  return {
    /** Mercurius's `subscription` options. */
    options: {
      // Runs just before onConnect for each connection_init: hands the socket to the context.
      context: (socket: LiveSocket) => ({ bishopSocket: socket }),
      onConnect: async ({ payload }: { payload?: unknown }): Promise<RequestContext> => {
        const credential = await credentialFromConnectionInit(auth, payload);
        const actor = credential === null ? null : userActor(credential.userId);
        return { actor, credential, correlationId: randomUUID(), clientIp: '', refreshTokenCookie: null };
      },
      keepAlive: 15_000,
    },

    /** After Mercurius is registered: watch subscribing sockets, and act on every revocation heard. */
    install(app: FastifyInstance): void {
      app.graphql.addHook('preSubscriptionExecution', async (_schema, _document, context) => {
        // Mercurius hands on the context this gateway built for the socket.
        const { bishopSocket, credential } = context as typeof context & Partial<SocketContext>;
        if (bishopSocket && credential) sockets.track(bishopSocket, credential, auth.revocationOf(credential));
      });
      const revocations = live.revocations.subscribe(() => true);
      void (async () => {
        for await (const signal of revocations) {
          auth.heard(signal);
          sockets.revoke(signal);
        }
      })();
      app.addHook('onClose', async () => {
        await revocations.return?.();
      });
    },
  };
}
