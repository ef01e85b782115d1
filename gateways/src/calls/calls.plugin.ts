import { randomUUID } from 'node:crypto';
import { callCloseCodes, isDomainError, userActor } from '@bishop/domain';
import type { WebSocket } from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import { type AuthService, credentialFromConnectionInit } from '../auth/index.ts';
import type { ChatAvatarLookup, OwnershipCheck } from '../graphql/ownership.ts';
import { GOING_AWAY } from '../live/going-away.ts';
import type { LiveFeeds } from '../live/live-feeds.ts';
import { createSocketRegistry, socketCloseCodes } from '../live/socket-registry.ts';
import type { CallEnginePort, CallSessionPort } from './call-engine-port.ts';
import type { CallRegistry } from './call-registry.ts';

/** 1000: the call ended as it should (hung up, idle, too long). */
const NORMAL_CLOSURE = 1000;

export interface CallsOptions {
  readonly engine: CallEnginePort;
  readonly registry: CallRegistry;
  readonly auth: AuthService;
  readonly live: LiveFeeds;
  readonly owns: OwnershipCheck;
  readonly avatarOfChat: ChatAvatarLookup;
}

/** The first message (`start`, with the token) must come this soon. */
const START_TIMEOUT_MS = 10_000;

/**
 * GET /api/chats/:chatId/call (WebSocket): a live voice call with the chat's
 * avatar (protocol: call-protocol.md). Authenticated by the first message as
 * graphql-ws is by connection_init, and watched by the same revocation
 * machinery: a revoked credential closes the call (4403), an expired token too (4401).
 */
export async function callsPlugin(app: FastifyInstance, options: CallsOptions): Promise<void> {
  const { registry } = options;
  const sockets = createSocketRegistry();
  const revocations = options.live.revocations.subscribe(() => true);
  void (async () => {
    for await (const signal of revocations) sockets.revoke(signal);
  })();
  app.addHook('onClose', async () => {
    await revocations.return?.();
  });

  app.get<{ Params: { chatId: string } }>('/api/chats/:chatId/call', { websocket: true }, (socket, request) => {
    const { chatId } = request.params;
    let session: CallSessionPort | null = null;
    let starting = false;
    let slot = false;
    const refuse = (code: number, reason: string) => socket.close(code, reason.slice(0, 120));
    const startTimer = setTimeout(
      () => refuse(callCloseCodes.badStart, 'Send {"type":"start"} first'),
      START_TIMEOUT_MS,
    );

    async function start(authorization: unknown): Promise<void> {
      clearTimeout(startTimer);
      const credential = await credentialFromConnectionInit(options.auth, { authorization }).catch(() => null);
      if (!credential) return refuse(socketCloseCodes.expired, 'Sign in again: the token is missing or expired');
      try {
        await options.owns('CHAT', chatId, credential.userId);
      } catch {
        return refuse(callCloseCodes.notFound, 'No chat with this id exists in your account');
      }
      const avatarId = await options.avatarOfChat(chatId);
      if (!avatarId) return refuse(callCloseCodes.notFound, 'No chat with this id exists in your account');
      if (!registry.reserve()) {
        return refuse(
          callCloseCodes.busy,
          `This server carries its maximum of ${registry.maxConcurrent} calls; try again later`,
        );
      }
      slot = true;
      sockets.track(socket, credential, options.auth.revocationOf(credential));
      if (socket.readyState !== socket.OPEN) return;
      try {
        session = await options.engine.open({
          chatId,
          avatarId,
          actor: userActor(credential.userId),
          correlationId: request.id ?? randomUUID(),
          send: (message) => sendJson(socket, message),
          sendAudio: (pcm) => {
            if (socket.readyState === socket.OPEN) socket.send(pcm, { binary: true });
          },
          onEnded: ({ reason, reasonCode }) => {
            if (session) registry.remove(session);
            if (socket.readyState === socket.OPEN) {
              socket.close(reasonCode === 'SERVER_SHUTDOWN' ? GOING_AWAY : NORMAL_CLOSURE, reason.slice(0, 120));
            }
          },
        });
        registry.add(session);
        // The socket may have closed while the call was being prepared.
        if (socket.readyState !== socket.OPEN) await session.end('DISCONNECTED', 'The caller left');
      } catch (error) {
        const message = isDomainError(error) ? error.message : 'The call could not start';
        sendJson(socket, { type: 'error', code: isDomainError(error) ? error.code : 'BISHOP_ERR_INTERNAL', message });
        refuse(
          isDomainError(error) && error.code === 'BISHOP_ERR_DELETED'
            ? callCloseCodes.notFound
            : callCloseCodes.unavailable,
          message,
        );
        if (!isDomainError(error)) request.log.error({ err: error }, 'call could not start');
      }
    }

    socket.on('message', (data, isBinary) => {
      const bytes = Buffer.isBuffer(data) ? data : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]);
      if (isBinary) {
        // 16-bit PCM: an odd trailing byte is dropped.
        const copy = new Uint8Array(bytes.byteLength - (bytes.byteLength % 2));
        copy.set(bytes.subarray(0, copy.byteLength));
        session?.pushAudio(new Int16Array(copy.buffer));
        return;
      }
      let message: { type?: unknown; authorization?: unknown };
      try {
        message = JSON.parse(bytes.toString('utf8'));
      } catch {
        return sendJson(socket, { type: 'error', code: 'BISHOP_ERR_INVALID_VALUE', message: 'Messages are JSON' });
      }
      if (message.type === 'start' && !starting) {
        starting = true;
        void start(message.authorization);
      } else if (message.type === 'hangup') {
        void session?.end('HUNG_UP', 'The caller hung up');
      }
    });

    socket.on('close', (code) => {
      clearTimeout(startTimer);
      if (session) {
        const [reasonCode, reason] =
          code === socketCloseCodes.revoked
            ? ['REVOKED', 'The session was revoked']
            : code === socketCloseCodes.expired
              ? ['EXPIRED', 'The access token expired']
              : ['DISCONNECTED', 'The caller left'];
        void session.end(reasonCode, reason).finally(() => registry.release());
      } else if (slot) registry.release();
    });
  });
}

function sendJson(socket: WebSocket, message: unknown): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}
