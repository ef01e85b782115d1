import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { classifyUpload, looksBinary } from '../src/uploads/classify-upload.ts';
import { safeFileName } from '../src/uploads/safe-file-name.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
// A real MP3 made by ffmpeg (tests/fixtures/uploads/tone.mp3: 0.3 s of 440 Hz).
const mp3Header = new Uint8Array(readFileSync(new URL('../../tests/fixtures/uploads/tone.mp3', import.meta.url)));
const windowsProgram = Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, ...new Array(300).fill(0)]);

describe('hostile file names', () => {
  it('keep only the last path segment', () => {
    assert.equal(safeFileName('../../etc/passwd'), 'passwd');
    assert.equal(safeFileName('C:\\Users\\me\\lecture.pdf'), 'lecture.pdf');
  });
  it('drop control and bidi characters that disguise the extension', () => {
    assert.equal(safeFileName('photo\u202egpj.exe'), 'photogpj.exe');
    assert.equal(safeFileName('bad\u0000name\n.txt'), 'badname.txt');
  });
  it('replace dot-only names and shorten very long ones keeping the extension', () => {
    assert.equal(safeFileName('..'), 'file');
    const long = safeFileName(`${'я'.repeat(10_000)}.pdf`);
    assert.equal([...long].length, 255);
    assert.ok(long.endsWith('.pdf'));
  });
  it('repair invalid UTF-16 instead of failing', () => {
    assert.equal(safeFileName('broken\ud800.txt'), 'broken\ufffd.txt');
  });
});

describe('classifying uploads by name and content', () => {
  it('accepts text, recordings and chat exports whose bytes agree', async () => {
    assert.deepEqual(await classifyUpload('notes.txt', bytes('Привет, это заметки')), {
      kind: 'text',
      mediaType: 'text/plain',
    });
    assert.deepEqual(await classifyUpload('talk.mp3', mp3Header), { kind: 'audio', mediaType: 'audio/mpeg' });
    assert.equal((await classifyUpload('result.json', bytes('{"name":"Chat","messages":[]}'))).kind, 'chatExport');
    assert.equal(
      (await classifyUpload('chat.txt', bytes('12/31/23, 9:41 PM - Anna: Hi there\n'))).kind,
      'chatExport',
      'WhatsApp export recognised by its lines',
    );
  });

  it('accepts mailboxes and letters, and refuses text or binary data named as mail', async () => {
    const mbox = bytes('From MAILER-DAEMON Mon Mar  4 10:00:00 2024\nFrom: Anna <a@example.ru>\n\nHi\n');
    assert.deepEqual(await classifyUpload('All mail.mbox', mbox), {
      kind: 'chatExport',
      mediaType: 'application/mbox',
    });
    const eml = bytes('Received: by x\n\tid 1\nFrom: Anna <a@example.ru>\nSubject: Hi\n\nHi\n');
    assert.deepEqual(await classifyUpload('letter.eml', eml), { kind: 'chatExport', mediaType: 'message/rfc822' });
    await assert.rejects(classifyUpload('notes.mbox', bytes('Just some notes\n')), {
      code: 'BISHOP_ERR_FILE_DISGUISED',
    });
    await assert.rejects(classifyUpload('letter.eml', windowsProgram), { code: 'BISHOP_ERR_FILE_DISGUISED' });
  });

  it('accepts an address to fetch (bare or a Windows shortcut) and refuses other text named .url', async () => {
    const shortcut = bytes('[InternetShortcut]\r\nURL=https://example.com/blog\r\n');
    assert.deepEqual(await classifyUpload('blog.url', shortcut), { kind: 'text', mediaType: 'text/uri-list' });
    assert.equal(
      (await classifyUpload('feed.url', bytes('https://example.com/feed.xml\n'))).mediaType,
      'text/uri-list',
    );
    await assert.rejects(classifyUpload('x.url', bytes('file:///etc/passwd\n')), { code: 'BISHOP_ERR_FILE_DISGUISED' });
  });

  it('accepts text formats whose content carries their own signature (WebVTT, XHTML)', async () => {
    const vtt = new Uint8Array(readFileSync(new URL('../../tests/fixtures/documents/lecture.vtt', import.meta.url)));
    const withBom = Uint8Array.from([0xef, 0xbb, 0xbf, ...vtt]);
    assert.deepEqual(await classifyUpload('lecture.vtt', vtt), { kind: 'text', mediaType: 'text/vtt' });
    assert.deepEqual(await classifyUpload('lecture.vtt', withBom), { kind: 'text', mediaType: 'text/vtt' });
    assert.equal((await classifyUpload('cues.txt', vtt)).kind, 'text', 'WebVTT saved as .txt is still text');
    const xhtml = bytes(
      '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Привет</p></body></html>',
    );
    assert.deepEqual(await classifyUpload('page.html', xhtml), { kind: 'text', mediaType: 'text/html' });
  });

  it("still rejects binary formats behind a text format's name", async () => {
    await assert.rejects(classifyUpload('lecture.vtt', mp3Header), {
      code: 'BISHOP_ERR_FILE_DISGUISED',
      message: '"lecture.vtt" is called .vtt but its content is MP3 audio',
    });
    await assert.rejects(classifyUpload('lecture.srt', windowsProgram), { code: 'BISHOP_ERR_FILE_DISGUISED' });
    const rtf = bytes('{\\rtf1\\ansi Hello}');
    await assert.rejects(classifyUpload('notes.md', rtf), { code: 'BISHOP_ERR_FILE_DISGUISED' });
  });

  it('rejects a program named .mp3 and text named .pdf', async () => {
    await assert.rejects(classifyUpload('song.mp3', windowsProgram), {
      code: 'BISHOP_ERR_FILE_DISGUISED',
      message: '"song.mp3" is called .mp3 but its content is a Windows program',
    });
    await assert.rejects(classifyUpload('paper.pdf', bytes('just some text')), { code: 'BISHOP_ERR_FILE_DISGUISED' });
    await assert.rejects(classifyUpload('notes.txt', windowsProgram), { code: 'BISHOP_ERR_FILE_DISGUISED' });
  });

  it('rejects empty files and unsupported kinds with specific errors', async () => {
    await assert.rejects(classifyUpload('empty.txt', new Uint8Array()), { code: 'BISHOP_ERR_FILE_EMPTY' });
    await assert.rejects(classifyUpload('virus.exe', windowsProgram), { code: 'BISHOP_ERR_FILE_UNSUPPORTED' });
  });

  it('accepts UTF-16 text without a byte-order mark, as Windows tools save it', async () => {
    const utf16be = new Uint8Array(
      readFileSync(new URL('../../tests/fixtures/documents/lecture-ru.utf16be.txt', import.meta.url)),
    );
    const utf16le = new Uint8Array(
      readFileSync(new URL('../../tests/fixtures/documents/lecture-ru.utf16le.txt', import.meta.url)),
    );
    assert.equal((await classifyUpload('lecture.txt', utf16be.subarray(0, 8192))).kind, 'text');
    assert.equal((await classifyUpload('lecture.txt', utf16le.subarray(0, 8192))).kind, 'text');
  });

  it('tells binary from text, UTF-16 included', () => {
    assert.equal(looksBinary(Uint8Array.from([0xff, 0xfe, 0x41, 0x00])), false);
    assert.equal(looksBinary(Uint8Array.from([0x41, 0x00, 0x42])), true);
  });
});
