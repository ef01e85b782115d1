import { MaterialListDocument } from '$lib/graphql/generated/graphql.ts';
import { load as query } from '$lib/graphql/load.ts';
import type { PageLoad } from './$types';

export const load = (async ({ fetch, params, depends }) => {
  depends('app:materials');
  const data = await query(fetch, MaterialListDocument, { avatarId: params.avatarId });
  return { materials: data.avatar.materials };
}) satisfies PageLoad;
