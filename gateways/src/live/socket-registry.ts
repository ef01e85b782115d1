import type { RevocationSignal } from '@bishop/domain';
import { type Credential, revocationReason, revokes } from '../auth/index.ts';

/**
 * graphql-ws close codes a client can branch on: 4401 — the access token
 * expired, refresh it and reconnect; 4403 — the credential was revoked
 * (logged out, session ended, token revoked, account deleted): log in again.
 */
export const socketCloseCodes = { expired: 4401, revoked: 4403 } as const;

/** The part of a `ws` WebSocket the registry needs. */
export interface ClosableSocket {
  close(code: number, reason: string): void;
  once(event: 'close', listener: () => void): unknown;
}

// setTimeout's limit (~24.8 days); access tokens live far shorter.
const MAX_TIMER_MS = 2 ** 31 - 1;
// RFC 6455 allows 123 bytes of close reason.
const MAX_REASON_BYTES = 123;

/**
 * Every open subscription socket of this gateway process with the credential
 * it opened with, so a revocation heard on the bus — or the access token's
 * own expiry — closes exactly the sockets that rode on it.
 */
export function createSocketRegistry(clock: () => Date = () => new Date()) {
  const sockets = new Map<ClosableSocket, { credential: Credential; expiry?: NodeJS.Timeout }>();

  function close(socket: ClosableSocket, code: number, reason: string): void {
    const entry = sockets.get(socket);
    if (entry?.expiry) clearTimeout(entry.expiry);
    sockets.delete(socket);
    socket.close(code, truncate(reason));
  }

  return {
    /** Watches the socket (once; later calls are no-ops); `revoked` closes it at once. */
    track(socket: ClosableSocket, credential: Credential, revoked?: RevocationSignal): void {
      if (sockets.has(socket)) return;
      if (revoked) {
        socket.close(socketCloseCodes.revoked, truncate(revocationReason(revoked)));
        return;
      }
      const entry: { credential: Credential; expiry?: NodeJS.Timeout } = { credential };
      sockets.set(socket, entry);
      socket.once('close', () => {
        if (entry.expiry) clearTimeout(entry.expiry);
        sockets.delete(socket);
      });
      if (credential.kind === 'session') {
        const left = credential.expiresAt.getTime() - clock().getTime();
        const expire = () =>
          close(socket, socketCloseCodes.expired, 'The access token expired; refresh it and reconnect');
        if (left <= 0) {
          expire();
          return;
        }
        entry.expiry = setTimeout(expire, Math.min(left, MAX_TIMER_MS));
        entry.expiry.unref();
      }
    },

    /** Closes every socket the signal revokes; returns how many. */
    revoke(signal: RevocationSignal): number {
      const ended = [...sockets].filter(([, entry]) => revokes(signal, entry.credential));
      for (const [socket] of ended) close(socket, socketCloseCodes.revoked, revocationReason(signal));
      return ended.length;
    },

    get size(): number {
      return sockets.size;
    },
  };
}

export type SocketRegistry = ReturnType<typeof createSocketRegistry>;

function truncate(reason: string): string {
  let text = reason;
  while (Buffer.byteLength(text) > MAX_REASON_BYTES) text = text.slice(0, -1);
  return text;
}
