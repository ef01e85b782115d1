import { TrainingPageDocument } from '$lib/graphql/generated/graphql.ts';
import { load as query } from '$lib/graphql/load.ts';
import type { PageLoad } from './$types';

export const load = (async ({ fetch, params, depends }) => {
  depends('app:training');
  const data = await query(fetch, TrainingPageDocument, { avatarId: params.avatarId });
  return { training: data.avatar };
}) satisfies PageLoad;
