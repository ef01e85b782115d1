import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

// An inline script: a <script> element without a src attribute, and its exact text.
const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi;

/** CSP hash sources (`'sha256-…'`) of a page's inline scripts: SvelteKit's bootstrap, nothing else. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)].map(
    ([, text]) =>
      `'sha256-${createHash('sha256')
        .update(text ?? '')
        .digest('base64')}'`,
  );
}

export interface WebAppCspOptions {
  readonly scriptHashes: readonly string[];
  /** BISHOP_MEDIA_ORIGIN: the players load user audio from there. */
  readonly mediaOrigin?: string | undefined;
}

/**
 * The web app's policy, sent as a header (so `frame-ancestors` counts): scripts only from
 * Bishop's own files plus the hashed bootstrap — no inline script, no eval; no plugins,
 * no <base> tricks, no framing; connections and media only to Bishop (and its media origin).
 * Styles allow inline attributes: Svelte sets some, and styles cannot run code.
 */
export function webAppCsp({ scriptHashes, mediaOrigin }: WebAppCspOptions): string {
  const media = ["'self'", 'blob:', ...(mediaOrigin ? [mediaOrigin] : [])];
  return [
    "default-src 'self'",
    `script-src 'self' ${scriptHashes.join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    `media-src ${media.join(' ')}`,
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-src 'none'",
    "worker-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Every HTML page of the build (absolute path) with the policy that covers its inline scripts. */
export async function pagePolicies(webDir: string, mediaOrigin?: string): Promise<Map<string, string>> {
  const entries = await readdir(webDir, { recursive: true, withFileTypes: true });
  const policies = new Map<string, string>();
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const path = join(entry.parentPath, entry.name);
    const scriptHashes = inlineScriptHashes(await readFile(path, 'utf8'));
    policies.set(path, webAppCsp({ scriptHashes, mediaOrigin }));
  }
  return policies;
}
