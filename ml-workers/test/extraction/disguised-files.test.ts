import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractDocument } from '../../src/extraction/index.ts';
import { assertFailure, fixture } from './fixtures.ts';

const read = (name: string, fileName = name, mediaType = 'application/octet-stream') =>
  extractDocument({ bytes: fixture(`documents/${name}`), fileName, mediaType });

describe('content decides, not the name', () => {
  it('refuses text called .mp3', async () => {
    await assertFailure(read('text-named.mp3'), 'DISGUISED_TYPE', 'This file is called .mp3 but its content is text');
  });

  it('refuses a ZIP archive called .pdf', async () => {
    await assertFailure(
      read('zip-named.pdf'),
      'DISGUISED_TYPE',
      'This file is called .pdf but its content is a ZIP archive',
    );
  });

  it('refuses a Word document called .pdf', async () => {
    await assertFailure(
      read('word-named.pdf'),
      'DISGUISED_TYPE',
      'This file is called .pdf but its content is a Word document',
    );
  });

  it('refuses audio called .txt', async () => {
    await assertFailure(
      read('ogg-named.txt'),
      'DISGUISED_TYPE',
      'This file is called .txt but its content is an audio file (.opus)',
    );
  });

  it('refuses a real audio file as a document, naming what it reads', async () => {
    await assertFailure(
      read('ogg-named.txt', 'voice.ogg'),
      'UNSUPPORTED_FORMAT',
      /^This file is called \.ogg; only \.txt, \.md/,
    );
  });

  it('falls back to the media type when the name has no extension', async () => {
    const result = await read('lecture-ru.utf8.txt', 'lecture', 'text/plain; charset=utf-8');
    assert.equal(result.format, 'text');
    await assertFailure(
      read('zip-named.pdf', 'scan', 'application/pdf'),
      'DISGUISED_TYPE',
      'This file is called application/pdf (no extension) but its content is a ZIP archive',
    );
  });
});
