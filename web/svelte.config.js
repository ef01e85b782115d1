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
  },
};

export default config;
