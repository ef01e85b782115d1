import { setTimeout as sleep } from 'node:timers/promises';
import type { AppendResult, EventStore, ExpectedRevision, NewEvent } from '@bishop/domain/ports';
import { RevisionConflictError } from '@bishop/domain/ports';
import { chainHashOf } from './event-hash.ts';
import type { SignedChainHeads } from './signed-heads.ts';

/**
 * Appends whose expectation this wrapper narrowed ('any' → the revision it read) retry on a race:
 * the caller asked for no check, so it must not see a conflict. Each retry waits a little, at random.
 */
const NARROWED_RETRIES = 50;
const RETRY_JITTER_MS = 5;
const REMEMBERED_STREAMS = 10_000;

/**
 * Chains every stream's events: each event's `metadata.chainHash` covers the
 * previous event's hash, so altering, removing or reordering a stored event
 * breaks every later link (`bishop audit verify`). It wraps the store as
 * written (below encryption), so it needs no keys and works for every adapter.
 *
 * To link a new event it must know the stream's last hash: it remembers the
 * last one it wrote per stream, valid for exactly that revision — an append at
 * another revision would be refused by the store anyway — and reads it otherwise.
 * With `heads`, each new head is signed after its append (see signed-heads.ts).
 */
export function createHashChainedEventStore(
  inner: EventStore,
  options: { readonly heads?: Pick<SignedChainHeads, 'record'> } = {},
): EventStore {
  const lastLinks = new Map<string, { revision: bigint; hash: string | null }>();

  function remember(stream: string, revision: bigint, hash: string | null) {
    lastLinks.delete(stream);
    lastLinks.set(stream, { revision, hash });
    if (lastLinks.size > REMEMBERED_STREAMS) lastLinks.delete(lastLinks.keys().next().value as string);
  }

  async function lastLink(stream: string, expected: ExpectedRevision) {
    const known = lastLinks.get(stream);
    if (typeof expected === 'bigint' && known?.revision === expected) return known;
    const [last] = await inner.readStream(stream, { direction: 'backwards', maxCount: 1 });
    return last ? { revision: last.revision, hash: last.metadata.chainHash ?? null } : undefined;
  }

  /** 'any' and 'exists' become the revision just read, so two racing writers cannot both link to it. */
  function narrowed(expected: ExpectedRevision, last: { revision: bigint } | undefined): ExpectedRevision {
    if (expected !== 'any' && expected !== 'exists') return expected;
    if (last) return last.revision;
    return expected === 'any' ? 'noStream' : expected;
  }

  async function appendChained(
    stream: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const last = await lastLink(stream, expected);
    let previous = last?.hash ?? null;
    const chained = events.map((event) => {
      const chainHash = chainHashOf(previous, { streamName: stream, ...event });
      previous = chainHash;
      return { ...event, metadata: { ...event.metadata, chainHash } };
    });
    const result = await inner.appendToStream(stream, chained, { expectedRevision: narrowed(expected, last) });
    remember(stream, result.nextRevision, previous);
    if (previous !== null) await options.heads?.record(stream, result.nextRevision, previous);
    return result;
  }

  return {
    async appendToStream(stream, events, options = {}) {
      const expected = options.expectedRevision ?? 'any';
      if (events.length === 0) return inner.appendToStream(stream, events, options);
      for (let attempt = 0; ; attempt++) {
        try {
          return await appendChained(stream, events, expected);
        } catch (error) {
          lastLinks.delete(stream);
          const narrowedByUs = expected === 'any' || expected === 'exists';
          if (!(error instanceof RevisionConflictError) || !narrowedByUs || attempt >= NARROWED_RETRIES) throw error;
          await sleep(Math.random() * RETRY_JITTER_MS * Math.min(attempt + 1, 10));
        }
      }
    },
    readStream: (stream, options) => inner.readStream(stream, options),
    readAll: (options) => inner.readAll(options),
    subscribeToAll: (options) => inner.subscribeToAll(options),
    async deleteStream(stream, options) {
      lastLinks.delete(stream);
      await inner.deleteStream(stream, options);
    },
    headPosition: () => inner.headPosition(),
    close: () => inner.close(),
  };
}
