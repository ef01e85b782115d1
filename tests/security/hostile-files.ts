/**
 * Files an attacker would upload to turn Bishop's media route against its users: each
 * carries a script that, if it ever ran, would try to read the session and act as the
 * victim (the refresh cookie, localStorage, /graphql), and would leave traces the test
 * looks for: a request to /pwned, a changed title, a dialog, a localStorage entry.
 */
export const attackScript = `(async () => {
  document.title = 'PWNED';
  let storage = 'unreadable';
  try { storage = JSON.stringify(localStorage); localStorage.setItem('pwned', '1'); } catch {}
  const loot = { cookie: document.cookie, storage };
  const tryFetch = (url, init) => fetch(url, init).then((r) => r.text()).catch((e) => String(e));
  loot.refresh = await tryFetch('/api/session/refresh', { method: 'POST', credentials: 'include', headers: { 'bishop-session': 'cookie' } });
  loot.me = await tryFetch('/graphql', { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: '{"query":"{ me { email } }"}' });
  navigator.sendBeacon('/pwned', JSON.stringify(loot));
  alert('pwned');
})()`;

export const hostileHtml = `<!doctype html><html><head><title>Notes</title></head><body>
<p>Meeting notes about the garden and the weather in spring.</p>
<img src=x onerror="${attackScript.replaceAll('"', '&quot;')}">
<script>${attackScript}</script></body></html>`;

/** SVG is not an accepted extension, so it comes as .html (and as .svg, which upload refuses). */
export const hostileSvg = `<svg xmlns="http://www.w3.org/2000/svg" onload="${attackScript.replaceAll('"', '&quot;')}">
<script>${attackScript}</script><text x="10" y="20">A drawing of the garden in spring</text></svg>`;

/** Sniffs as PDF (the magic number), so the upload is accepted, and extraction then FAILS. */
export const hostileBrokenPdf = `%PDF-1.4\n${hostileHtml}`;

/** Whether a name is one the trap saw: requests the scripts would make if they ran. */
export const isAttackRequest = (url: string) => /\/pwned|\/graphql|\/api\/session\//.test(new URL(url).pathname);
