import { DomainError } from '@bishop/domain';
import type { Kysely } from 'kysely';
import { possibleIds } from '../queries/by-ids.ts';
import { fetchPage, type Page, type PageRequest } from '../queries/page.ts';
import type { ReadModels } from '../schema/read-models.ts';
import { type TimelineKind, type TimelineRow, timelineKinds } from './timeline.table.ts';

export interface TimelineRequest extends PageRequest {
  /** Only these kinds of entries (all when omitted). */
  readonly kinds?: readonly TimelineKind[];
}

/** An avatar's history (its own events and its chats'), newest first. */
export async function listTimeline(
  db: Kysely<ReadModels>,
  ownerId: string,
  avatarId: string,
  request: TimelineRequest = {},
): Promise<Page<TimelineRow>> {
  const kinds = validKinds(request.kinds);
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
            .$if(after !== null, (query) => query.where('position', '<', after ?? 0n))
            .orderBy('position', 'desc')
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
