import type { ChatOpened } from '../chat/chat.events.ts';

/** As stored before chats could be pinned to a persona version (schema version 1). */
export type ChatOpenedV1 = { chatId: string; avatarId: string; ownerId: string; title: string };
export type ChatOpenedV2 = ChatOpened['data'];

/** A v1 chat always followed the active persona version. */
export function chatOpenedV1ToV2(data: ChatOpenedV1 | ChatOpenedV2): ChatOpenedV2 {
  if ('personaVersion' in data) return data;
  return { ...data, personaVersion: null };
}
