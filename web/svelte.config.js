import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * A single-page app: every route renders in the browser (ssr is off in the root layout),
 * and the gateway answers unknown paths with `index.html` (the SPA fallback).
 */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html', strict: true }),
    // The gateway owns these paths; the app never defines routes under them.
    appDir: '_app',
    version: { pollInterval: 0 },
    // No inline script but SvelteKit's own bootstrap, allowed by its hash (a <meta> policy in the
    // build; a header under `vite dev`). The gateway sends the full policy as a header, including
    // frame-ancestors, which a <meta> cannot carry (infra/src/runtime/roles/web-app-csp.ts).
    csp: {
      mode: 'hash',
      directives: {
        'script-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['none'],
        'frame-ancestors': ['none'],
      },
    },
  },
};

export default config;
