import { type Kysely, sql } from 'kysely';
import { possibleIds } from '../queries/by-ids.ts';
import type { ReadModels } from '../schema/read-models.ts';
import type { MessageRow } from './messages.table.ts';

export const searchLimits = { queryMaxLength: 200, maxResults: 50 } as const;

/** A message that matched, with the title of its chat. */
export type MessageSearchHit = MessageRow & { chat_title: string | null };

/**
 * Messages of an avatar's open chats whose words or shown reply contain `query` (case-insensitive,
 * literally: `%` and `_` are no wildcards), newest first.
 */
export async function searchMessages(
  db: Kysely<ReadModels>,
  ownerId: string,
  avatarId: string,
  query: string,
  limit: number = searchLimits.maxResults,
): Promise<MessageSearchHit[]> {
  const words = query.trim();
  if (words === '' || possibleIds([avatarId]).length === 0) return [];
  const pattern = `%${words.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  return (
    db
      .selectFrom('messages')
      .innerJoin('chats', 'chats.chat_id', 'messages.chat_id')
      .selectAll('messages')
      .select('chats.title as chat_title')
      .where('messages.owner_id', '=', ownerId)
      .where('messages.avatar_id', '=', avatarId)
      .where('chats.status', '=', 'open')
      .where('messages.deleted_at', 'is', null)
      // A backslash is LIKE's default escape character.
      .where((eb) => eb.or([eb('messages.text', 'ilike', pattern), eb('messages.reply_text', 'ilike', pattern)]))
      .orderBy('messages.sent_position', 'desc')
      .limit(Math.min(Math.max(1, limit), searchLimits.maxResults))
      .execute()
  );
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
    standing
      .select('alternatives')
      .where(sql<boolean>`jsonb_array_length(coalesce(alternatives->'list', '[]'::jsonb)) > 0`)
      .execute(),
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
