import { MaterialDetailDocument } from '$lib/graphql/generated/graphql.ts';
import { load as query } from '$lib/graphql/load.ts';
import type { PageLoad } from './$types';

export const load = (async ({ fetch, params, depends }) => {
  depends('app:material');
  const data = await query(fetch, MaterialDetailDocument, { avatarId: params.avatarId, materialId: params.materialId });
  return { material: data.avatar.material };
}) satisfies PageLoad;
