import type { Kysely } from 'kysely';
import { oneRowPerId, possibleIds } from '../queries/by-ids.ts';
import { fetchPage, type Page, type PageRequest } from '../queries/page.ts';
import type { ReadModels } from '../schema/read-models.ts';
import type { ChatRow } from './chats.table.ts';

export interface ChatListRequest extends PageRequest {
  readonly includeDeleted?: boolean;
}

/** An avatar's chats, newest first. */
export function listChats(
  db: Kysely<ReadModels>,
  ownerId: string,
  avatarId: string,
  request: ChatListRequest = {},
): Promise<Page<ChatRow>> {
  return fetchPage(
    request,
    (row) => row.opened_position,
    async (after, limit) =>
      possibleIds([avatarId]).length === 0
        ? []
        : db
            .selectFrom('chats')
            .selectAll()
            .where('owner_id', '=', ownerId)
            .where('avatar_id', '=', avatarId)
            .$if(!request.includeDeleted, (query) => query.where('status', '=', 'open'))
            .$if(after !== null, (query) => query.where('opened_position', '<', after ?? 0n))
            .orderBy('opened_position', 'desc')
            .limit(limit)
            .execute(),
  );
}

/** The chat, deleted or not. */
export async function findChatById(db: Kysely<ReadModels>, ownerId: string, chatId: string) {
  const [chat] = await findChatsByIds(db, ownerId, [chatId]);
  return chat ?? null;
}

/** For a GraphQL loader: one entry per id, in input order, null where missing. */
export function findChatsByIds(
  db: Kysely<ReadModels>,
  ownerId: string,
  chatIds: readonly string[],
): Promise<(ChatRow | null)[]> {
  return oneRowPerId(
    chatIds,
    (ids) => db.selectFrom('chats').selectAll().where('owner_id', '=', ownerId).where('chat_id', 'in', ids).execute(),
    (row) => row.chat_id,
  );
}
