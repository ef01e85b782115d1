import { timelineKinds } from '$lib/components/history/timeline-kinds.ts';
import type { TimelineKind } from '$lib/graphql/generated/graphql.ts';
import { TimelineDocument } from '$lib/graphql/generated/graphql.ts';
import { load as query } from '$lib/graphql/load.ts';
import type { PageLoad } from './$types';

export const load = (async ({ fetch, params, url, depends }) => {
  depends('app:history');
  const chosen = (url.searchParams.get('kinds') ?? '')
    .split(',')
    .filter((kind): kind is TimelineKind => (timelineKinds as readonly string[]).includes(kind));
  const data = await query(fetch, TimelineDocument, {
    avatarId: params.avatarId,
    ...(chosen.length > 0 ? { kinds: chosen } : {}),
  });
  return {
    timeline: data.avatar.timeline,
    chainHead: data.avatar.chainHead,
    materials: data.avatar.materials,
    kinds: chosen,
  };
}) satisfies PageLoad;
