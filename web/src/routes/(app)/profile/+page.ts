import { ProfileDocument } from '$lib/graphql/generated/graphql.ts';
import { load as query } from '$lib/graphql/load.ts';
import type { PageLoad } from './$types';

export const load = (async ({ fetch, depends }) => {
  depends('app:profile');
  const data = await query(fetch, ProfileDocument, {});
  return { me: data.me };
}) satisfies PageLoad;
