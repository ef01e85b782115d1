import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { extractUrl } from '../../src/extraction/web/extract-url.ts';
import { defaultFetchLimits, isPublicAddress } from '../../src/extraction/web/safe-fetch.ts';
import { assertFailure, fixture } from './fixtures.ts';

const ARTICLE = `<!doctype html><html><head><meta charset="utf-8"><title>Дача весной</title></head><body>
<nav><a href="/">Главная</a> | <a href="/about">О нас</a> | Войти</nav>
<article><h1>Дача весной</h1>
<p>Весной на даче всегда много работы: нужно вскопать грядки, посадить рассаду и починить забор, который зимой повалил снег.</p>
<p>Я люблю приезжать туда в субботу утром, пока соседи ещё спят, и пить чай на крыльце, слушая птиц и думая о лете.</p>
<p>А вечером мы с Борисом ходим на речку ловить рыбу, и это лучшее время недели, ради которого стоит работать.</p>
</article><footer>© 2024 Все права защищены. Политика конфиденциальности.</footer></body></html>`;

const voice = fixture('mail/voice.ogg');
let server: Server;
let base = '';
const allow = { ...defaultFetchLimits, allowPrivateAddresses: true, timeoutMs: 5000 };

before(async () => {
  server = createServer((request, response) => {
    const feed = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Разговоры на даче</title>
<link>${base}/</link><description>Подкаст</description>
<item><title>Выпуск 2</title><description>&lt;p&gt;О рыбалке&lt;/p&gt;</description><enclosure url="${base}/ep2.ogg" length="${voice.length}" type="audio/ogg"/></item>
<item><title>Выпуск 1</title><description>О грядках</description><enclosure url="${base}/ep1.ogg" length="${voice.length}" type="audio/ogg"/></item>
</channel></rss>`;
    const routes: Record<string, () => void> = {
      '/article': () => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE),
      '/moved': () => response.writeHead(302, { location: '/article' }).end(),
      '/loop': () => response.writeHead(302, { location: '/loop' }).end(),
      '/podcast.xml': () => response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed),
      '/ep1.ogg': () => response.writeHead(200, { 'content-type': 'audio/ogg' }).end(voice),
      '/ep2.ogg': () => response.writeHead(200, { 'content-type': 'audio/ogg' }).end(voice),
      '/huge': () => response.writeHead(200, { 'content-type': 'text/html' }).end('<p>x</p>'.repeat(100_000)),
      '/broken.xml': () =>
        response
          .writeHead(200, { 'content-type': 'application/rss+xml' })
          .end('<?xml version="1.0"?><rss version="2.0"><channel><title>Обрыв</title><item><title>Вып'),
      '/program.exe': () => response.writeHead(200, { 'content-type': 'application/x-msdownload' }).end('MZ'),
    };
    (routes[request.url ?? ''] ?? (() => response.writeHead(404).end()))();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server.close());

describe('A web page by its address', () => {
  it('keeps the article’s text, not the menu or footer, and notes the address and time', async () => {
    const { extracted, notes } = await extractUrl({
      url: `${base}/moved`,
      limits: allow,
      now: () => new Date('2026-12-07T01:00:00Z'),
    });
    assert.match(extracted.text, /Весной на даче всегда много работы/);
    assert.doesNotMatch(extracted.text, /Главная|Политика конфиденциальности/);
    assert.deepEqual(notes, [`Fetched from ${base}/article at 2026-12-07T01:00:00.000Z.`]);
  });

  it('refuses loopback and private addresses unless the operator allows them', async () => {
    await assertFailure(
      extractUrl({ url: `${base}/article` }),
      'FETCH_REFUSED',
      /127\.0\.0\.1 is a private, loopback or link-local address/,
    );
    const port = new URL(base).port;
    await assertFailure(extractUrl({ url: `http://localhost:${port}/article` }), 'FETCH_REFUSED', /localhost is at/);
    for (const address of [
      '10.0.0.1',
      '172.16.5.4',
      '192.168.1.1',
      '169.254.169.254',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '100.64.0.1',
      '0.0.0.0',
    ]) {
      assert.equal(isPublicAddress(address), false, address);
    }
    assert.equal(isPublicAddress('93.184.216.34'), true);
  });

  it('stops at endless redirects, oversized bodies and content it does not read', async () => {
    await assertFailure(
      extractUrl({ url: `${base}/loop`, limits: allow }),
      'FETCH_FAILED',
      /redirects more than 5 times/,
    );
    await assertFailure(
      extractUrl({ url: `${base}/huge`, limits: { ...allow, maxBytes: 100_000 } }),
      'FETCH_TOO_LARGE',
      /larger than/,
    );
    await assertFailure(
      extractUrl({ url: `${base}/program.exe`, limits: allow }),
      'UNSUPPORTED_FORMAT',
      /application\/x-msdownload/,
    );
    await assertFailure(
      extractUrl({ url: 'file:///etc/passwd', limits: allow }),
      'FETCH_REFUSED',
      /Only http and https/,
    );
  });
});

describe('A damaged feed by its address', () => {
  it('fails with a readable reason', async () => {
    await assertFailure(extractUrl({ url: `${base}/broken.xml`, limits: allow }), 'DOCUMENT_DAMAGED', /feed/i);
  });
});

describe('A podcast feed by its address', () => {
  it('fetches each episode’s audio and transcribes it, newest first, up to the limit', async () => {
    const heard: string[] = [];
    const { extracted, notes } = await extractUrl({
      url: `${base}/podcast.xml`,
      limits: allow,
      maxEpisodes: 1,
      transcribe: async (bytes, fileName) => {
        heard.push(`${fileName} ${Buffer.from(bytes.subarray(0, 4)).toString('latin1')}`);
        return 'Сегодня поговорим о рыбалке.';
      },
    });
    assert.deepEqual(heard, ['ep2.ogg OggS']);
    assert.match(extracted.text, /Выпуск 2\n\nО рыбалке\n\nСегодня поговорим о рыбалке\./);
    assert.match(extracted.text, /Выпуск 1\n\nО грядках/);
    assert.ok(
      notes.some((note) => /1 older episode/.test(note)),
      notes.join('|'),
    );
  });
});
