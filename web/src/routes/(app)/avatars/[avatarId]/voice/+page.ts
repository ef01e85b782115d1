import { VoicePageDocument } from '$lib/graphql/generated/graphql.ts';
import { load as query } from '$lib/graphql/load.ts';
import type { PageLoad } from './$types';

export const load = (async ({ fetch, params, depends, url }) => {
  // Voice changes arrive as avatar changes (the layout's subscription invalidates app:avatar).
  depends('app:avatar', 'app:voice');
  const data = await query(fetch, VoicePageDocument, { avatarId: params.avatarId });
  return {
    voice: data.avatar.voice,
    personName: data.avatar.name,
    recordings: data.avatar.materials.filter((m) => (m.kind === 'AUDIO' || m.kind === 'VIDEO') && m.state === 'READY'),
    cutFrom: url.searchParams.get('material'),
  };
}) satisfies PageLoad;
