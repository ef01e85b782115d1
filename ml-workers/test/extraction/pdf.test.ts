import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractDocument } from '../../src/extraction/index.ts';
import { assertFailure, fixture } from './fixtures.ts';

const read = (name: string) =>
  extractDocument({ bytes: fixture(`documents/${name}`), fileName: name, mediaType: 'application/pdf' });

describe('PDF', () => {
  it('reads the text layer, one segment per page', async () => {
    const result = await read('lecture.pdf');
    assert.equal(result.format, 'pdf');
    assert.equal(result.segments.length, 2);
    assert.match(result.segments[0]?.text ?? '', /^О радио и его изобретателях\nДобрый вечер, коллеги\./);
    assert.match(result.segments[1]?.text ?? '', /^Вопросы к семинару\nПочему спор о приоритете/);
    assert.equal(result.language, 'ru');
  });

  it('refuses a PDF cut off in the middle', async () => {
    await assertFailure(read('truncated.pdf'), 'PDF_DAMAGED', 'The PDF is damaged or incomplete');
  });

  it('refuses a PDF that needs a password to open', async () => {
    await assertFailure(read('encrypted.pdf'), 'ENCRYPTED', 'The PDF is password-protected');
  });

  it('explains that scanned pages have no text layer', async () => {
    await assertFailure(read('scanned.pdf'), 'NO_TEXT_LAYER', 'The PDF has no text layer (scanned pages?)');
  });
});
