import { setTimeout as sleep } from 'node:timers/promises';
import type { ClosableSocket } from './socket-registry.ts';

/** 1001 "going away": the server is stopping; the client may reconnect (to another gateway process). */
export const GOING_AWAY = 1001;
const CLOSED = 3;

/** The part of a `ws` WebSocket closing it at shutdown needs. */
interface StoppableSocket extends ClosableSocket {
  readonly readyState: number;
  terminate(): void;
}

/**
 * Closes every socket the server still holds with 1001, and after `graceMs`
 * cuts those whose client has not answered the close (a lost network would
 * otherwise hold the gateway's stop for `ws`'s 30 s close timeout).
 */
export async function closeSocketsGoingAway(
  server: { readonly clients: ReadonlySet<StoppableSocket> },
  reason: string,
  graceMs: number,
): Promise<void> {
  const open = [...server.clients].filter((socket) => socket.readyState !== CLOSED);
  if (open.length === 0) return;
  const closed = Promise.all(
    open.map(
      (socket) =>
        new Promise<void>((resolve) => (socket.readyState === CLOSED ? resolve() : socket.once('close', resolve))),
    ),
  );
  for (const socket of open) socket.close(GOING_AWAY, reason);
  const grace = new AbortController();
  await Promise.race([closed, sleep(graceMs, undefined, { signal: grace.signal }).catch(() => {})]);
  grace.abort();
  for (const socket of open) if (socket.readyState !== CLOSED) socket.terminate();
}
