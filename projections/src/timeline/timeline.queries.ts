import { DomainError } from '@bishop/domain';
import type { Kysely } from 'kysely';
import { possibleIds } from '../queries/by-ids.ts';
import { fetchPage, type Page, type PageRequest } from '../queries/page.ts';
import type { ReadModels } from '../schema/read-models.ts';
import { type TimelineKind, type TimelineRow, timelineKinds } from './timeline.table.ts';

export interface TimelineRequest extends PageRequest {
  /** Only these kinds of entries (all when omitted). */
  readonly kinds?: readonly TimelineKind[];
  /** `newestFirst` (default) for reading back; `oldestFirst` for exports and replays. */
  readonly order?: 'newestFirst' | 'oldestFirst';
}

/** An avatar's history (its own events and its chats'), newest first unless asked otherwise. */
export async function listTimeline(
  db: Kysely<ReadModels>,
  ownerId: string,
  avatarId: string,
  request: TimelineRequest = {},
): Promise<Page<TimelineRow>> {
  const kinds = validKinds(request.kinds);
  const newestFirst = (request.order ?? 'newestFirst') === 'newestFirst';
  return fetchPage(
    request,
    (row) => row.position,
    async (after, limit) =>
      possibleIds([avatarId]).length === 0 || kinds?.length === 0
        ? []
        : db
            .selectFrom('avatar_timeline')
            .selectAll()
            .where('owner_id', '=', ownerId)
            .where('avatar_id', '=', avatarId)
            .$if(kinds !== undefined, (query) => query.where('kind', 'in', kinds ?? []))
            .$if(after !== null, (query) => query.where('position', newestFirst ? '<' : '>', after ?? 0n))
            .orderBy('position', newestFirst ? 'desc' : 'asc')
            .limit(limit)
            .execute(),
  );
}

function validKinds(kinds: readonly string[] | undefined): TimelineKind[] | undefined {
  if (kinds === undefined) return undefined;
  const unknown = kinds.find((kind) => !(timelineKinds as readonly string[]).includes(kind));
  if (unknown !== undefined) {
    throw new DomainError(
      'BISHOP_ERR_INVALID_VALUE',
      `"${unknown}" is not a timeline kind; use ${timelineKinds.join(', ')}`,
      { field: 'kinds' },
    );
  }
  return [...new Set(kinds)] as TimelineKind[];
}

/** One event's chain link as the projector saw it. */
export interface ChainLinkSeen {
  /** null for the avatar's own stream. */
  readonly chatId: string | null;
  readonly revision: bigint;
  readonly chainHash: string;
}

/**
 * Every chain link of an avatar's streams that the timeline recorded, oldest
 * first, for the operator's audit (not owner-scoped: `bishop audit` is an operator tool).
 */
export async function listChainLinksSeen(db: Kysely<ReadModels>, avatarId: string): Promise<ChainLinkSeen[]> {
  if (possibleIds([avatarId]).length === 0) return [];
  const rows = await db
    .selectFrom('avatar_timeline')
    .select(['chat_id', 'revision', 'chain_hash'])
    .where('avatar_id', '=', avatarId)
    .where('chain_hash', 'is not', null)
    .where('revision', 'is not', null)
    .orderBy('position')
    .execute();
  return rows.map((row) => ({
    chatId: row.chat_id,
    revision: row.revision as bigint,
    chainHash: row.chain_hash as string,
  }));
}

/** The newest link of the avatar's own stream: its chain head, for the API and the UI. */
export async function findChainHead(
  db: Kysely<ReadModels>,
  ownerId: string,
  avatarId: string,
): Promise<{ revision: bigint; chainHash: string } | null> {
  if (possibleIds([avatarId]).length === 0) return null;
  const row = await db
    .selectFrom('avatar_timeline')
    .select(['revision', 'chain_hash'])
    .where('owner_id', '=', ownerId)
    .where('avatar_id', '=', avatarId)
    .where('chat_id', 'is', null)
    .where('chain_hash', 'is not', null)
    .orderBy('position', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.chain_hash && row.revision !== null ? { revision: row.revision, chainHash: row.chain_hash } : null;
}
