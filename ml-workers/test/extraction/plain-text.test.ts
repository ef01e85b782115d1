import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractDocument } from '../../src/extraction/index.ts';
import { assertFailure, fixture } from './fixtures.ts';

const read = (name: string, mediaType = 'text/plain') =>
  extractDocument({ bytes: fixture(`documents/${name}`), fileName: name, mediaType });
const reference = fixture('documents/lecture-ru.utf8.txt').toString('utf8').trim();

describe('plain text', () => {
  const encodings = [
    ['lecture-ru.utf8.txt', 'utf-8'],
    ['lecture-ru.utf8-bom.txt', 'utf-8'],
    ['lecture-ru.utf16le-bom.txt', 'utf-16le'],
    ['lecture-ru.utf16be-bom.txt', 'utf-16be'],
    ['lecture-ru.utf16le.txt', 'utf-16le'],
    ['lecture-ru.utf16be.txt', 'utf-16be'],
    ['lecture-ru.cp1251.txt', 'windows-1251'],
    ['lecture-ru.koi8r.txt', 'koi8-r'],
  ] as const;
  for (const [name, encoding] of encodings) {
    it(`reads ${name} as ${encoding}, word for word`, async () => {
      const result = await read(name);
      assert.equal(result.encoding, encoding);
      assert.equal(result.text, reference);
      assert.equal(result.language, 'ru');
      assert.equal(result.charCount, [...reference].length);
    });
  }

  it('tells CP1251 from KOI8-R in a single short phrase', async () => {
    for (const [name, encoding] of [
      ['short-ru.cp1251.txt', 'windows-1251'],
      ['short-ru.koi8r.txt', 'koi8-r'],
    ]) {
      const result = await read(name as string);
      assert.equal(result.text, 'Шёл дождь, буду через час.');
      assert.equal(result.encoding, encoding);
    }
  });

  it('normalises Windows line endings and splits paragraphs into segments', async () => {
    const result = await read('lecture-ru.cp1251.txt');
    assert.doesNotMatch(result.text, /\r/);
    assert.equal(result.segments.length, 5);
    assert.deepEqual(result.segments[0], { startSec: null, endSec: null, text: 'О радио и его изобретателях' });
    assert.equal(result.durationSec, null);
  });

  it('strips NUL padding', async () => {
    const result = await read('nul-padded.txt');
    assert.doesNotMatch(result.text, /\u0000/);
    assert.ok(result.text.endsWith('find convincing, and why.'));
  });

  it('keeps Markdown as written and calls English text "en"', async () => {
    const result = await read('notes-en.md', 'text/markdown');
    assert.equal(result.format, 'markdown');
    assert.equal(result.language, 'en');
    assert.ok(result.text.startsWith("# Notes for Tuesday's lecture"));
  });

  it('calls a bilingual text "mul" (ISO 639: multiple languages)', async () => {
    assert.equal((await read('mixed-ru-en.txt')).language, 'mul');
  });

  it('refuses an empty file and a whitespace-only file', async () => {
    await assertFailure(read('empty.txt'), 'EMPTY', 'The file contains no text');
    await assertFailure(read('whitespace-only.txt'), 'EMPTY', 'The file contains no text');
  });

  it('refuses binary data called .txt', async () => {
    await assertFailure(
      read('binary-named.txt'),
      'NOT_TEXT',
      'This file is called .txt but it is not text (binary data found)',
    );
  });
});
