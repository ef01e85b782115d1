import type { Kysely } from 'kysely';
import { oneRowPerId, possibleIds } from '../queries/by-ids.ts';
import { fetchPage, type Page, type PageRequest } from '../queries/page.ts';
import type { ReadModels } from '../schema/read-models.ts';
import type { MessageRow } from './messages.table.ts';

export interface MessageListRequest extends PageRequest {
  /** `newestFirst` (default) pages back through history; `oldestFirst` reads a chat from its start. */
  readonly order?: 'newestFirst' | 'oldestFirst';
}

/** A chat's messages, each with its reply and dub. */
export function listMessages(
  db: Kysely<ReadModels>,
  ownerId: string,
  chatId: string,
  request: MessageListRequest = {},
): Promise<Page<MessageRow>> {
  const newestFirst = (request.order ?? 'newestFirst') === 'newestFirst';
  return fetchPage(
    request,
    (row) => row.sent_position,
    async (after, limit) =>
      possibleIds([chatId]).length === 0
        ? []
        : db
            .selectFrom('messages')
            .selectAll()
            .where('owner_id', '=', ownerId)
            .where('chat_id', '=', chatId)
            .where('deleted_at', 'is', null)
            .$if(after !== null, (query) => query.where('sent_position', newestFirst ? '<' : '>', after ?? 0n))
            .orderBy('sent_position', newestFirst ? 'desc' : 'asc')
            .limit(limit)
            .execute(),
  );
}

/** For a GraphQL loader (e.g. a message notice): one entry per id, in input order, null where missing. */
export function findMessagesByIds(
  db: Kysely<ReadModels>,
  ownerId: string,
  messageIds: readonly string[],
): Promise<(MessageRow | null)[]> {
  return oneRowPerId(
    messageIds,
    (ids) =>
      db.selectFrom('messages').selectAll().where('owner_id', '=', ownerId).where('message_id', 'in', ids).execute(),
    (row) => row.message_id,
  );
}
