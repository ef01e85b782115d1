import { error } from '@sveltejs/kit';
import { PersonaVersionPageDocument } from '$lib/graphql/generated/graphql.ts';
import { load as query } from '$lib/graphql/load.ts';
import type { PageLoad } from './$types';

export const load = (async ({ fetch, params, depends }) => {
  depends('app:training');
  const version = Number(params.version);
  if (!Number.isInteger(version) || version < 1) error(404, { message: 'No such version' });
  const data = await query(fetch, PersonaVersionPageDocument, { avatarId: params.avatarId, version });
  return { version: data.avatar.personaVersion };
}) satisfies PageLoad;
