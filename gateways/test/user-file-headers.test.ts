import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'content-disposition';
import { dispositionFor, servedAs } from '../src/http-security/user-file-headers.ts';

describe('user files: the type they are served with', () => {
  it('never serves an active type: HTML, SVG, XML, scripts, PDF and unknown types become octet-stream attachments', () => {
    for (const stored of [
      'text/html',
      'text/html; charset=utf-8',
      'TEXT/HTML',
      'image/svg+xml',
      'application/xhtml+xml',
      'application/xml',
      'text/xml',
      'text/javascript',
      'application/javascript',
      'application/pdf',
      'application/x-shockwave-flash',
      'multipart/x-mixed-replace',
      'application/octet-stream',
      '',
      'nonsense',
    ]) {
      assert.deepEqual(servedAs(stored), { contentType: 'application/octet-stream', inline: false }, stored);
    }
  });

  it('plays audio inline, by its bare type', () => {
    assert.deepEqual(servedAs('audio/ogg; codecs=opus'), { contentType: 'audio/ogg', inline: true });
    assert.deepEqual(servedAs('audio/wav'), { contentType: 'audio/wav', inline: true });
    assert.deepEqual(servedAs('audio/mpeg'), { contentType: 'audio/mpeg', inline: true });
  });

  it('shows only text Bishop wrote as UTF-8 inline; an uploaded text file (any encoding) is a download', () => {
    assert.deepEqual(servedAs('text/plain; charset=utf-8', { utf8Text: true }), {
      contentType: 'text/plain; charset=utf-8',
      inline: true,
    });
    assert.deepEqual(servedAs('text/plain'), { contentType: 'text/plain', inline: false });
    assert.deepEqual(servedAs('text/html', { utf8Text: true }).contentType, 'application/octet-stream');
  });

  it('keeps passive download types (video, archives, documents, JSON)', () => {
    for (const type of ['video/mp4', 'application/zip', 'application/json', 'text/markdown']) {
      assert.deepEqual(servedAs(type), { contentType: type, inline: false });
    }
  });
});

describe('user files: Content-Disposition (RFC 6266 / 5987)', () => {
  const roundTrip = (name: string, inline = false) => parse(dispositionFor(name, inline));

  it('keeps a plain name as it is', () => {
    assert.equal(dispositionFor('notes.txt', false), 'attachment; filename=notes.txt');
    assert.equal(dispositionFor('dub.ogg', true), 'inline; filename=dub.ogg');
  });

  it('gives any other name exactly in filename* with an ASCII fallback that needs no escaping', () => {
    for (const name of ['Лекция о войне.pdf', 'emoji 😀.txt', "it's; x=1.txt", '%41%22.txt', 'a"b.txt']) {
      const header = dispositionFor(name, false);
      const parsed = parse(header);
      assert.equal(parsed.type, 'attachment');
      assert.equal(parsed.parameters.filename, name, header);
      assert.doesNotMatch(header.replace(/filename\*=.*$/, ''), /[^\x20-\x7e]/, 'the fallback is ASCII');
    }
  });

  it('cannot be broken by a hostile name: no line breaks, no second parameter, no path, no bidi trick', () => {
    for (const hostile of [
      'a\r\nSet-Cookie: x=1.txt',
      'x"; filename="evil.html',
      '../../etc/passwd',
      '..\\..\\windows\\system32.dll',
      'report\u202egpj.exe',
      '\u0000nul.txt',
    ]) {
      const header = dispositionFor(hostile, false);
      assert.doesNotMatch(header, /[\r\n\u0000]/, header);
      const parsed = roundTrip(hostile);
      assert.equal(Object.keys(parsed.parameters).length, 1, `one file name: ${header}`);
      assert.doesNotMatch(parsed.parameters.filename ?? '', /[/\\\u202e\r\n\u0000]/, header);
    }
    assert.equal(roundTrip('   ').parameters.filename, 'download');
  });
});
