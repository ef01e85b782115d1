import type { Kysely } from 'kysely';
import { possibleIds } from '../queries/by-ids.ts';
import type { ReadModels } from '../schema/read-models.ts';
import type { MessageRow } from './messages.table.ts';

export const searchLimits = { queryMaxLength: 200, maxResults: 50 } as const;

/** A message that matched, with the title of its chat. */
export type MessageSearchHit = MessageRow & { chat_title: string | null };

/** Messages read per round trip while searching: large enough that a search rarely needs a second one. */
const SEARCH_PAGE = 500;

/**
 * Messages of an avatar's open chats whose words or shown reply contain `query` (case-insensitive,
 * literally), newest first.
 *
 * The words are sealed at rest with the avatar's key (so deletion can shred them), and SQL cannot
 * look inside a sealed value: the candidates are read page by page, newest first, opened by the
 * sealing plugin and matched here. A blind index (keyed hashes of words) would answer in SQL but
 * leaks which messages share words; an avatar's own chats are small enough to scan.
 */
export async function searchMessages(
  db: Kysely<ReadModels>,
  ownerId: string,
  avatarId: string,
  query: string,
  limit: number = searchLimits.maxResults,
): Promise<MessageSearchHit[]> {
  const needle = query.trim().toLocaleLowerCase();
  if (needle === '' || possibleIds([avatarId]).length === 0) return [];
  const wanted = Math.min(Math.max(1, limit), searchLimits.maxResults);
  const contains = (text: string | null) => text?.toLocaleLowerCase().includes(needle) ?? false;
  const hits: MessageSearchHit[] = [];
  for (let before: bigint | null = null; ; ) {
    const page: MessageSearchHit[] = await db
      .selectFrom('messages')
      .innerJoin('chats', 'chats.chat_id', 'messages.chat_id')
      .selectAll('messages')
      .select('chats.title as chat_title')
      .where('messages.owner_id', '=', ownerId)
      .where('messages.avatar_id', '=', avatarId)
      .where('chats.status', '=', 'open')
      .where('messages.deleted_at', 'is', null)
      .$if(before !== null, (q) => q.where('messages.sent_position', '<', before as bigint))
      .orderBy('messages.sent_position', 'desc')
      .limit(SEARCH_PAGE)
      .execute();
    for (const message of page) {
      if (contains(message.text) || contains(message.reply_text)) hits.push(message);
      if (hits.length === wanted) return hits;
    }
    if (page.length < SEARCH_PAGE) return hits;
    before = BigInt(page.at(-1)?.sent_position ?? 0);
  }
}

/** Thumbs up and down the user gave an avatar's replies, per persona version (null: replies made untrained). */
export interface ReplyFeedback {
  readonly personaVersion: number | null;
  readonly up: number;
  readonly down: number;
}

/** Counts every rating still standing, on shown replies and on their alternatives, in chats not deleted. */
export async function replyFeedback(
  db: Kysely<ReadModels>,
  ownerId: string,
  avatarId: string,
): Promise<ReplyFeedback[]> {
  if (possibleIds([avatarId]).length === 0) return [];
  const standing = db
    .selectFrom('messages')
    .where('owner_id', '=', ownerId)
    .where('avatar_id', '=', avatarId)
    .where('deleted_at', 'is', null);
  const [shown, withAlternatives] = await Promise.all([
    standing
      .select([
        'reply_persona_version as version',
        'reply_rating as rating',
        (eb) => eb.fn.countAll<string>().as('count'),
      ])
      .where('reply_rating', 'is not', null)
      .groupBy(['reply_persona_version', 'reply_rating'])
      .execute(),
    // Alternatives are sealed (they hold reply texts), so SQL cannot tell an empty list: they are opened and counted here.
    standing.select('alternatives').where('alternatives', 'is not', null).execute(),
  ]);
  const rows = [
    ...shown.map((row) => ({ version: row.version, rating: row.rating, count: Number(row.count) })),
    ...withAlternatives.flatMap((row) =>
      (row.alternatives?.list ?? []).map((reply) => ({
        version: reply.personaVersion,
        rating: reply.rating,
        count: 1,
      })),
    ),
  ];
  const byVersion = new Map<number | null, { up: number; down: number }>();
  for (const row of rows) {
    const counts = byVersion.get(row.version) ?? { up: 0, down: 0 };
    if (row.rating === 'up') counts.up += row.count;
    if (row.rating === 'down') counts.down += row.count;
    byVersion.set(row.version, counts);
  }
  return [...byVersion].map(([personaVersion, counts]) => ({ personaVersion, ...counts }));
}
