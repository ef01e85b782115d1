import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { inlineScriptHashes, pagePolicies, webAppCsp } from '../src/runtime/roles/web-app-csp.ts';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe("the web app's Content-Security-Policy", () => {
  it('hashes each inline script exactly, and no external one', () => {
    const bootstrap = '\n\t\t\t\t{ start(); }\n\t\t\t';
    const html = `<head><script src="/_app/x.js"></script><script type="module" src=/y.js></script></head>
      <body><script>${bootstrap}</script><SCRIPT>second()</SCRIPT></body>`;
    assert.deepEqual(inlineScriptHashes(html), [sha(bootstrap), sha('second()')]);
  });

  it('allows scripts only from itself and the hashes; no inline, no eval, no framing, no plugins', () => {
    const policy = webAppCsp({ scriptHashes: [sha('boot()')] });
    const directives = new Map(policy.split('; ').map((d) => [d.split(' ')[0], d] as const));
    assert.equal(directives.get('script-src'), `script-src 'self' ${sha('boot()')}`);
    assert.equal(directives.get('frame-ancestors'), "frame-ancestors 'none'");
    assert.equal(directives.get('object-src'), "object-src 'none'");
    assert.equal(directives.get('base-uri'), "base-uri 'none'");
    assert.equal(directives.get('media-src'), "media-src 'self' blob:");
    assert.doesNotMatch(policy, /unsafe-eval/);
  });

  it('lets the players load audio from the media origin when there is one', () => {
    const policy = webAppCsp({ scriptHashes: [], mediaOrigin: 'https://media.example.org' });
    assert.match(policy, /media-src 'self' blob: https:\/\/media\.example\.org(;|$)/);
    assert.match(policy, /script-src 'self';/);
  });

  it('covers every page of a build, nested ones included', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bishop-csp-'));
    try {
      await mkdir(join(dir, 'nested'));
      await writeFile(join(dir, 'index.html'), '<script>a()</script>');
      await writeFile(join(dir, 'nested', 'page.html'), '<script>b()</script>');
      await writeFile(join(dir, 'app.js'), '<script>not a page</script>');
      const policies = await pagePolicies(dir);
      assert.deepEqual([...policies.keys()].sort(), [join(dir, 'index.html'), join(dir, 'nested', 'page.html')]);
      assert.ok(policies.get(join(dir, 'nested', 'page.html'))?.includes(sha('b()')));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
