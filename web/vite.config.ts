import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

// `npm run dev` proxies the API to a running `bishop start` (BISHOP_URL, default port 4000).
const api = process.env.BISHOP_URL ?? 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [sveltekit(), svelteTesting()],
  // Kit's server bundle (used only to write the SPA fallback page) would import `cookie` from the
  // workspace root, where another major version is hoisted; bundling it resolves kit's own copy.
  ssr: { noExternal: ['cookie'] },
  // Rolldown's plugin-timing report is noise in `bishop start` output.
  build: { rolldownOptions: { checks: { pluginTimings: false } } },
  server: {
    proxy: {
      '/graphql': { target: api, ws: true },
      '/api': api,
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['test/**/*.test.ts'],
  },
});
