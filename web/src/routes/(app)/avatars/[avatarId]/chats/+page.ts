import { ChatListDocument } from '$lib/graphql/generated/graphql.ts';
import { load as query } from '$lib/graphql/load.ts';
import type { PageLoad } from './$types';

export const load = (async ({ fetch, params, depends }) => {
  depends('app:chats');
  const data = await query(fetch, ChatListDocument, { avatarId: params.avatarId });
  return { chats: data.avatar.chats.nodes.filter((chat) => chat.status === 'OPEN') };
}) satisfies PageLoad;
