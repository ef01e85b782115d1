import { once } from 'node:events';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

/*
 * The load row's traffic: one autocannon instance in a worker thread (so it
 * shares no event loop with what it measures), its connections spread over
 * one or more gateway URLs, each connection cycling through the same mix a
 * user's pages make: the avatar list, an avatar with its materials, a chat's
 * newest page, and a rename that appends an event and waits for the read
 * models to show it. This module is both the worker (below, when not on the
 * main thread) and the main thread's handle on it.
 */

export interface MixOptions {
  /** Gateway base URLs; autocannon gives them connections in turn. */
  readonly urls: readonly string[];
  readonly token: string;
  /** Read by the avatar query (it has materials). */
  readonly avatarId: string;
  readonly chatId: string;
  /** Renamed in turn, enough of them that two renames of one avatar rarely overlap. */
  readonly renamedAvatarIds: readonly string[];
  readonly connections: number;
  readonly length: { readonly seconds: number } | { readonly requests: number };
}

export interface MixResult {
  /** Answered requests whose body was GraphQL data without errors. */
  readonly requests: number;
  readonly ms: number;
  readonly p50: number;
  readonly p99: number;
  /** Share of the load generator thread's time spent busy: near 1, the generator is the limit. */
  readonly generatorBusy: number;
}

const QUERIES = {
  avatars: '{ avatars(first: 20) { nodes { id name createdAt } } }',
  avatar: 'query($id: ID!) { avatar(id: $id) { id name materials { id fileName kind state sizeBytes } } }',
  chatPage:
    'query($c: ID!) { chat(id: $c) { id title messageCount messages(first: 20, newestFirst: true) { nodes { id text sentAt replyState } } } }',
  rename: 'mutation($id: ID!, $name: String!) { renameAvatar(id: $id, name: $name) { avatar { id name } } }',
};

/** Runs one round of the mix in a fresh worker thread; any failed, non-2xx or GraphQL-error answer fails it. */
export async function mixedLoadRound(options: MixOptions): Promise<MixResult> {
  const worker = new Worker(new URL(import.meta.url), { workerData: options });
  try {
    const [reply] = (await once(worker, 'message')) as [
      { type: 'done'; result: MixResult } | { type: 'failed'; message: string },
    ];
    if (reply.type === 'failed') throw new Error(`load generator: ${reply.message}`);
    return reply.result;
  } finally {
    await worker.terminate();
  }
}

const aggregate = (autocannon as unknown as { aggregateResult(results: unknown[], opts: object): autocannon.Result })
  .aggregateResult;

/** A GraphQL answer with data and no errors (checked on the text: parsing every body would load the generator). */
const answered = (body: unknown) => {
  const text = String(body);
  return text.startsWith('{"data":') && !text.includes('"errors"');
};

async function runMix(options: MixOptions): Promise<MixResult> {
  const headers = { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' };
  const post = (query: string, variables: Record<string, unknown> = {}) => ({
    method: 'POST' as const,
    path: '/graphql',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  let renames = 0;
  const busyBefore = performance.eventLoopUtilization();
  const raw = await autocannon({
    // Typed as one URL, but autocannon takes several and gives its connections to them in turn.
    url: [...options.urls] as unknown as string,
    connections: options.connections,
    ...('seconds' in options.length ? { duration: options.length.seconds } : { amount: options.length.requests }),
    sampleInt: 100,
    verifyBody: answered,
    requests: [
      post(QUERIES.avatars),
      post(QUERIES.avatar, { id: options.avatarId }),
      post(QUERIES.chatPage, { c: options.chatId }),
      {
        ...post(QUERIES.rename),
        setupRequest: (request) => {
          renames += 1;
          const id = options.renamedAvatarIds[renames % options.renamedAvatarIds.length];
          return {
            ...request,
            body: JSON.stringify({ query: QUERIES.rename, variables: { id, name: `Load ${renames}` } }),
          };
        },
      },
    ],
  });
  const generatorBusy = performance.eventLoopUtilization(busyBefore).utilization;
  // Off the main thread autocannon leaves its histograms encoded for a caller to merge; this is the only part.
  const result = aggregate([raw], { url: options.urls[0], connections: options.connections });
  const failures = result.errors + result.timeouts + result.non2xx + result.mismatches;
  if (failures > 0) {
    throw new Error(
      `${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx, ` +
        `${result.mismatches} answers with GraphQL errors or no data (of ${result.requests.total})`,
    );
  }
  return {
    requests: result['2xx'],
    ms: result.duration * 1000,
    p50: result.latency.p50,
    p99: result.latency.p99,
    generatorBusy,
  };
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  runMix(workerData as MixOptions).then(
    (result) => port.postMessage({ type: 'done', result }),
    (error: unknown) =>
      port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
}
