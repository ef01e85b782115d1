import { ChatViewDocument } from '$lib/graphql/generated/graphql.ts';
import { load as query } from '$lib/graphql/load.ts';
import type { PageLoad } from './$types';

export const load = (async ({ fetch, params, depends }) => {
  depends('app:chat');
  const data = await query(fetch, ChatViewDocument, { chatId: params.chatId });
  return { chat: data.chat };
}) satisfies PageLoad;
