import { once } from 'node:events';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { waitFor } from '../src/async.ts';

/*
 * Many graphql-ws subscribers to `replyTokens(chatId)`, held in a worker
 * thread so that parsing their messages does not share the gateway's event
 * loop (real clients run on other machines). Each token's `text` is the time
 * it was sent; a subscriber records now − sent for every token it receives.
 * This module is both the worker (below, when not on the main thread) and
 * the main thread's handle on it.
 */

/** A subscription each connection makes, and where in its data the sending time is (text, ms on `sharedClock`). */
export interface SubscriptionSpec {
  readonly query: string;
  readonly variables: Record<string, unknown>;
  readonly sentAt: readonly string[];
}

interface OpenCommand {
  readonly type: 'open';
  readonly url: string;
  readonly token: string;
  readonly subscription: SubscriptionSpec;
  readonly count: number;
  /** Connections opened at once: the gateway authenticates each connection_init. */
  readonly batch: number;
}
/** Plain `ws` connections to the raw broadcast anchor: no protocol, the server just sends. */
interface OpenRawCommand {
  readonly type: 'openRaw';
  readonly url: string;
  readonly count: number;
  readonly batch: number;
}
type Command =
  | OpenCommand
  | OpenRawCommand
  | { readonly type: 'collect'; readonly expected: number }
  | { readonly type: 'everyoneReached'; readonly timeoutMs: number }
  | { readonly type: 'close' };
type Reply =
  | { readonly type: 'done'; readonly latencies?: number[]; readonly lastAt?: number }
  | { readonly type: 'failed'; readonly message: string };

/** Milliseconds on a clock both threads share (each thread's `performance.now()` has its own origin). */
export const sharedClock = (): number => performance.timeOrigin + performance.now();

/** Each token's `text` is the time it was sent. */
export const replyTokensOf = (chatId: string): SubscriptionSpec => ({
  query: 'subscription($c: ID!) { replyTokens(chatId: $c) { index text done } }',
  variables: { c: chatId },
  sentAt: ['replyTokens', 'text'],
});
const COLLECT_TIMEOUT_MS = 60_000;

export interface SubscriberPool {
  /** Opens `count` connections, each with one subscription; resolves once every connection is acknowledged. */
  open(options: Omit<OpenCommand, 'type'>): Promise<void>;
  /** Opens `count` plain WebSocket connections to a raw broadcast server (the anchor). */
  openRaw(options: Omit<OpenRawCommand, 'type'>): Promise<void>;
  /**
   * Waits until every connection has had at least one delivery, then forgets what was delivered: an acknowledged
   * connection may still be registering its subscription on a server this thread cannot look into.
   */
  everyoneReached(timeoutMs: number): Promise<void>;
  /** Waits for `expected` deliveries since the last collect and returns their latencies in ms. */
  collect(expected: number): Promise<number[]>;
  /** Like collect, also saying when (sharedClock) the last of them arrived. */
  collectTimed(expected: number): Promise<{ latencies: number[]; lastAt: number }>;
  /** Closes every connection and ends the worker. */
  close(): Promise<void>;
}

export function startSubscriberPool(): SubscriberPool {
  const worker = new Worker(new URL(import.meta.url));
  const askFor = async (command: Command) => {
    worker.postMessage(command);
    const [reply] = (await once(worker, 'message')) as [Reply];
    if (reply.type === 'failed') throw new Error(`subscribers: ${reply.message}`);
    return { latencies: reply.latencies ?? [], lastAt: reply.lastAt ?? Number.NaN };
  };
  const ask = async (command: Command): Promise<number[]> => (await askFor(command)).latencies;
  return {
    open: async (options) => void (await ask({ type: 'open', ...options })),
    openRaw: async (options) => void (await ask({ type: 'openRaw', ...options })),
    everyoneReached: async (timeoutMs) => void (await ask({ type: 'everyoneReached', timeoutMs })),
    collect: (expected) => ask({ type: 'collect', expected }),
    collectTimed: (expected) => askFor({ type: 'collect', expected }),
    async close() {
      await ask({ type: 'close' });
      await worker.terminate();
    },
  };
}

function runWorker(port: NonNullable<typeof parentPort>): void {
  const clients: Client[] = [];
  const rawSockets: WebSocket[] = [];
  const errors: string[] = [];
  /** Deliveries per connection, in the order they were opened. */
  const delivered: number[] = [];
  let latencies: number[] = [];
  let lastAt = Number.NaN;

  function received(connection: number, text: string | undefined): void {
    delivered[connection] = (delivered[connection] ?? 0) + 1;
    const sent = Number(text);
    if (!Number.isFinite(sent)) {
      errors.push(`unexpected token text ${JSON.stringify(text)}`);
      return;
    }
    lastAt = sharedClock();
    latencies.push(lastAt - sent);
  }

  async function openRawOne(options: OpenRawCommand): Promise<void> {
    const socket = new WebSocket(options.url);
    const connection = delivered.push(0) - 1;
    rawSockets.push(socket);
    // The same graphql-ws `next` message a subscriber gets, parsed the same way.
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { payload?: { data?: { replyTokens?: { text?: string } } } };
      received(connection, message.payload?.data?.replyTokens?.text);
    });
    socket.on('error', (error) => errors.push(String(error)));
    await once(socket, 'open');
  }

  async function openOne(options: OpenCommand): Promise<void> {
    const client = createClient({
      url: `${options.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${options.token}` },
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: (error) => errors.push(String(error)),
    });
    clients.push(client);
    const connection = delivered.push(0) - 1;
    const acknowledged = new Promise<void>((resolve, reject) => {
      client.on('connected', () => resolve());
      client.on('closed', (event) => {
        const { code, reason } = event as { code?: number; reason?: string };
        reject(new Error(`connection closed before it was acknowledged: ${code} ${reason}`));
      });
    });
    const { query, variables, sentAt } = options.subscription;
    client.subscribe<Record<string, unknown>>(
      { query, variables },
      {
        next: (result) => received(connection, textAt(result.data, sentAt)),
        error: (error) => errors.push(error instanceof Error ? error.message : JSON.stringify(error)),
        complete: () => {},
      },
    );
    await acknowledged;
  }

  async function handle(command: Command): Promise<number[] | undefined> {
    switch (command.type) {
      case 'open':
        await inBatches(command, () => openOne(command));
        return undefined;
      case 'openRaw':
        await inBatches(command, () => openRawOne(command));
        return undefined;
      case 'everyoneReached':
        await waitFor(() => delivered.every((count) => count > 0) || errors.length > 0, command.timeoutMs, 5);
        latencies = [];
        return undefined;
      case 'collect': {
        await waitFor(() => latencies.length >= command.expected || errors.length > 0, COLLECT_TIMEOUT_MS, 5);
        const collected = latencies;
        latencies = [];
        return collected;
      }
      case 'close':
        for (const socket of rawSockets) socket.close();
        await Promise.all(clients.map((client) => client.dispose()));
        return undefined;
    }
  }

  port.on('message', async (command: Command) => {
    try {
      const result = await handle(command);
      // Closing after a failure must still close: errors are reported by open and collect.
      if (command.type !== 'close' && errors.length > 0) throw new Error(errors.slice(0, 3).join('; '));
      port.postMessage({ type: 'done', latencies: result, lastAt } satisfies Reply);
    } catch (error) {
      port.postMessage({
        type: 'failed',
        message: error instanceof Error ? error.message : String(error),
      } satisfies Reply);
    }
  });
}

/** The string at `path` in a subscription's data, if there is one. */
function textAt(data: unknown, path: readonly string[]): string | undefined {
  let value = data;
  for (const key of path) value = (value as Record<string, unknown> | null | undefined)?.[key];
  return typeof value === 'string' ? value : undefined;
}

/** Opens `count` connections, `batch` at a time. */
async function inBatches(options: { count: number; batch: number }, openOne: () => Promise<void>): Promise<void> {
  for (let opened = 0; opened < options.count; opened += options.batch) {
    const batch = Math.min(options.batch, options.count - opened);
    await Promise.all(Array.from({ length: batch }, openOne));
  }
}

if (!isMainThread && parentPort) runWorker(parentPort);
