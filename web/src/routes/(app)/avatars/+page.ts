import { AvatarListDocument } from '$lib/graphql/generated/graphql.ts';
import { load as query } from '$lib/graphql/load.ts';
import type { PageLoad } from './$types';

export const load = (async ({ fetch, depends }) => {
  depends('app:avatars');
  const data = await query(fetch, AvatarListDocument, {});
  return { avatars: data.avatars.nodes };
}) satisfies PageLoad;
