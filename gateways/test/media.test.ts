import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { parseByteRange } from '../src/media/byte-range.ts';
import { createMediaUrlSigner } from '../src/media/signed-urls.ts';

describe('HTTP byte ranges', () => {
  it('parse start-end, open-ended and suffix ranges, clamped to the size', () => {
    assert.deepEqual(parseByteRange('bytes=0-99', 1000), { start: 0, end: 99 });
    assert.deepEqual(parseByteRange('bytes=900-', 1000), { start: 900, end: 999 });
    assert.deepEqual(parseByteRange('bytes=-100', 1000), { start: 900, end: 999 });
    assert.deepEqual(parseByteRange('bytes=990-5000', 1000), { start: 990, end: 999 });
  });
  it('say unsatisfiable outside the resource and ignore what they cannot parse', () => {
    assert.equal(parseByteRange('bytes=1000-', 1000), 'unsatisfiable');
    assert.equal(parseByteRange('bytes=5-2', 1000), 'unsatisfiable');
    assert.equal(parseByteRange('bytes=0-1,5-6', 1000), null);
    assert.equal(parseByteRange(undefined, 1000), null);
  });
});

describe('signed media URLs', () => {
  const signer = createMediaUrlSigner(randomBytes(32));
  const path = '/api/media/avatars/a/voice/s';
  const queryOf = (url: string) => Object.fromEntries(new URL(url, 'http://x').searchParams);

  it('verify for the user they were signed for', () => {
    assert.equal(signer.verify(path, queryOf(signer.sign(path, 'user-1'))), 'user-1');
  });
  it('refuse another path, another user, a forged signature and an expired link', () => {
    const query = queryOf(signer.sign(path, 'user-1', 60));
    assert.equal(signer.verify('/api/media/avatars/b/voice/s', query), null);
    assert.equal(signer.verify(path, { ...query, u: 'user-2' }), null);
    assert.equal(signer.verify(path, { ...query, s: `${query.s?.slice(0, -2)}AA` }), null);
    assert.equal(signer.verify(path, query, Date.now() + 61_000), null);
  });
  it('refuse a link signed with another key', () => {
    const other = createMediaUrlSigner(randomBytes(32));
    assert.equal(signer.verify(path, queryOf(other.sign(path, 'user-1'))), null);
  });
  it('point at the media origin when there is one, and verify on either origin (the path is what is signed)', () => {
    const onMedia = createMediaUrlSigner(randomBytes(32), { origin: 'https://media.example.org' });
    const url = new URL(onMedia.sign(path, 'user-1'));
    assert.equal(url.origin, 'https://media.example.org');
    assert.equal(url.pathname, path);
    assert.equal(onMedia.verify(url.pathname, Object.fromEntries(url.searchParams)), 'user-1');
  });
});
