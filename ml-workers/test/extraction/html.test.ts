import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractDocument } from '../../src/extraction/index.ts';
import { fixture } from './fixtures.ts';

const read = (name: string) =>
  extractDocument({ bytes: fixture(`documents/${name}`), fileName: name, mediaType: 'text/html' });

describe('HTML', () => {
  it('keeps the visible text in the author’s case and drops what a reader never sees', async () => {
    const { text, format } = await read('page.html');
    assert.equal(format, 'html');
    assert.equal(
      text,
      [
        'Заметки лектора',
        'Радио изобрели несколько человек почти одновременно.',
        '- Попов\n- Маркони',
        'Подробнее в статье.',
      ].join('\n\n'),
    );
    for (const hidden of [
      'скрипт',
      'console',
      'font-family',
      'комментарий',
      'JavaScript',
      'шаблон',
      'example.org',
      'схема',
    ]) {
      assert.ok(!text.includes(hidden), `"${hidden}" leaked into the text`);
    }
  });

  it('reads XHTML, whose XML declaration sniffs as XML, as a page', async () => {
    const result = await read('chapter-xhtml.html');
    assert.equal(result.format, 'html');
    assert.match(result.text, /^О радио и его изобретателях\n\nДобрый вечер, коллеги\./);
    assert.match(result.text, /Вопросы к семинару/);
  });

  it('decodes a page in the charset it declares', async () => {
    const result = await read('page.cp1251.html');
    assert.equal(result.encoding, 'windows-1251');
    assert.equal(result.text, (await read('page.html')).text);
  });
});
