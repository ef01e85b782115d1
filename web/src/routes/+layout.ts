import type { LayoutLoad } from './$types';

// A single-page app: everything renders in the browser, talking to the API of the same origin.
export const ssr = false;
export const prerender = false;
export const trailingSlash = 'never';

export const load = (() => ({})) satisfies LayoutLoad;
