import { avatarStream, chatStream } from '@bishop/domain';
import type { EventStore } from '@bishop/domain/ports';
import { type ChainLinkSeen, listChainLinksSeen, type ReadModels } from '@bishop/projections';
import type { Kysely } from 'kysely';
import { type SignedChainHeads, type StreamVerification, verifyStreamChain } from '../event-store/hash-chain/index.ts';

/**
 * Verifies the hash chain of an avatar's stream and of each of its chats'
 * streams, as stored, against the links the projector recorded when it saw
 * them (so a truncated or wholly rewritten tail shows too), and against each
 * stream's signed head (so history rewritten without the master key shows).
 */
export async function auditAvatar(
  rawEventStore: EventStore,
  chainHeads: Pick<SignedChainHeads, 'find'>,
  readModels: Kysely<ReadModels>,
  avatarId: string,
): Promise<StreamVerification[]> {
  const seen = await listChainLinksSeen(readModels, avatarId);
  const byStream = new Map<string, ChainLinkSeen[]>([[avatarStream(avatarId), []]]);
  for (const link of seen) {
    const stream = link.chatId === null ? avatarStream(avatarId) : chatStream(link.chatId);
    byStream.set(stream, [...(byStream.get(stream) ?? []), link]);
  }
  const results: StreamVerification[] = [];
  for (const [stream, links] of byStream) {
    const events = await rawEventStore.readStream(stream);
    const witnesses = links.map((link) => ({ stream, revision: link.revision, hash: link.chainHash }));
    results.push(verifyStreamChain(stream, events, witnesses, await chainHeads.find(stream)));
  }
  return results;
}
