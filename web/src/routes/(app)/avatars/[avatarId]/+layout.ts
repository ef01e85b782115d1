import { AvatarOverviewDocument } from '$lib/graphql/generated/graphql.ts';
import { load as query } from '$lib/graphql/load.ts';
import type { LayoutLoad } from './$types';

export const load = (async ({ fetch, params, depends }) => {
  depends('app:avatar');
  const data = await query(fetch, AvatarOverviewDocument, { id: params.avatarId });
  return { avatar: data.avatar };
}) satisfies LayoutLoad;
