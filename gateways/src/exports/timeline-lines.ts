import { listTimeline, type ReadModels, type TimelineKind } from '@bishop/projections';
import type { Kysely } from 'kysely';
import { allPages } from './all-pages.ts';

/**
 * The avatar's history as JSON Lines, oldest first: one event per line with
 * who did it, when, what it means and its hash-chain link.
 */
export async function* timelineLines(
  db: Kysely<ReadModels>,
  ownerId: string,
  avatarId: string,
  kinds?: readonly TimelineKind[],
): AsyncGenerator<string> {
  const rows = allPages((after) =>
    listTimeline(db, ownerId, avatarId, { first: 100, after, order: 'oldestFirst', ...(kinds ? { kinds } : {}) }),
  );
  for await (const row of rows) {
    const entry = {
      position: row.position.toString(),
      occurredAt: row.occurred_at.toISOString(),
      type: row.event_type,
      kind: row.kind,
      actor: row.actor_id,
      summary: row.summary,
      chatId: row.chat_id,
      revision: row.revision === null ? null : Number(row.revision),
      chainHash: row.chain_hash,
      details: row.details,
    };
    yield `${JSON.stringify(entry)}\n`;
  }
}
