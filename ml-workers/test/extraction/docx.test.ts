import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractDocument } from '../../src/extraction/index.ts';
import { assertFailure, fixture } from './fixtures.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const read = (name: string, fileName = name) =>
  extractDocument({ bytes: fixture(`documents/${name}`), fileName, mediaType: DOCX });

describe('Word .docx', () => {
  it('reads the body, one segment per paragraph, without formatting', async () => {
    const result = await read('lecture.docx');
    assert.equal(result.format, 'docx');
    assert.deepEqual(
      result.segments.map((s) => s.text),
      [
        'О радио и его изобретателях',
        'Добрый вечер, коллеги. Сегодня мы поговорим о том, как появилось радио и почему его изобретение нельзя приписать одному человеку.',
        'Генрих Герц доказал существование электромагнитных волн.',
        'Александр Попов показал грозоотметчик в 1895 году.',
        'Гульельмо Маркони запатентовал систему в 1896 году (see Wireless Telegraphy).',
        'Вопросы к семинару',
        'Почему спор о приоритете до сих пор не утих? Шёл ли он о науке или о национальной гордости?',
      ],
    );
  });

  it('reads footnotes, endnotes and comments after the paragraph that refers to them, marked as such', async () => {
    const expected = [
      'О радио и его изобретателях',
      'Генрих Герц доказал существование электромагнитных волн, но не видел в них практической пользы.',
      'Footnote 1: Опыты 1887–1888 годов в Карлсруэ.',
      'Александр Попов показал грозоотметчик в 1895 году.',
      'Endnote 1: Заседание Русского физико-химического общества, 7 мая.',
      'Маркони запатентовал систему беспроводного телеграфа через год.',
      'Comment (Анна Петрова): Проверить дату патента.',
      'Кто и что показал:',
      'Изобретатель | Год',
      'Попов | 1895',
      'Маркони | 1896',
      'Вопросы к семинару',
      'Почему спор о приоритете до сих пор не утих?',
    ];
    // LibreOffice's notes, header and table with python-docx's comment.
    const written = await read('annotated.docx');
    assert.deepEqual(
      written.segments.map((s) => s.text),
      expected,
    );
    // Page headers and footers repeat on every page and are not the author's prose.
    assert.doesNotMatch(written.text, /Кафедра физики|Черновик/);
    // pandoc writes no endnotes; the rest in its own XML.
    assert.deepEqual(
      (await read('annotated-pandoc.docx')).segments.map((s) => s.text),
      expected.filter((line) => !line.startsWith('Endnote')),
    );
  });

  it('refuses a password-protected document', async () => {
    await assertFailure(read('encrypted.docx'), 'ENCRYPTED', 'The document is password-protected');
  });

  it('refuses a document cut off in the middle', async () => {
    await assertFailure(read('truncated.docx'), 'DOCUMENT_DAMAGED', 'The document is damaged or incomplete');
  });

  it('asks to re-save a Word 97–2003 file that is called .docx', async () => {
    await assertFailure(
      read('old-word-format.docx'),
      'UNSUPPORTED_FORMAT',
      /Word 97–2003 document .*save it as \.docx/,
    );
  });

  it('refuses a ZIP archive that is called .docx', async () => {
    await assertFailure(
      read('zip-named.pdf', 'notes.docx'),
      'DISGUISED_TYPE',
      'This file is called .docx but its content is a ZIP archive',
    );
  });
});
