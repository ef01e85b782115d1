import { BlindTestPageDocument } from '$lib/graphql/generated/graphql.ts';
import { load as query } from '$lib/graphql/load.ts';
import type { PageLoad } from './$types';

export const load = (async ({ fetch, params, depends }) => {
  depends('app:blind-test');
  const data = await query(fetch, BlindTestPageDocument, { avatarId: params.avatarId });
  return {
    round: data.avatar.blindTest,
    scores: data.avatar.blindTestScores,
    invites: data.avatar.blindTestInvites,
  };
}) satisfies PageLoad;
