import { redirect } from '@sveltejs/kit';
import { session } from '$lib/session/session.svelte.ts';
import type { LayoutLoad } from './$types';

/** Every page in this group needs a signed-in user; the login page brings them back here. */
export const load = (({ url }) => {
  if (!session.signedIn) redirect(307, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
  return {};
}) satisfies LayoutLoad;
