import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { replyLanguage } from '../../src/dubbing/reply-language.ts';
import { splitSentences } from '../../src/dubbing/sentences.ts';

describe('splitting a reply into sentences', () => {
  it('splits Russian and English at sentence ends, in order', () => {
    assert.deepEqual(splitSentences('Привет! Как дела? Всё хорошо.', 'ru'), ['Привет!', 'Как дела?', 'Всё хорошо.']);
    assert.deepEqual(splitSentences('Hello there. How are you?\n\nFine…', 'en'), [
      'Hello there.',
      'How are you?',
      'Fine…',
    ]);
  });

  it('keeps abbreviations inside their sentence', () => {
    assert.deepEqual(splitSentences('Это т. е. тест. Пришёл проф. Иванов.', 'ru'), [
      'Это т. е. тест.',
      'Пришёл проф. Иванов.',
    ]);
    assert.deepEqual(splitSentences('I met Dr. Smith. He left.', 'en'), ['I met Dr. Smith.', 'He left.']);
  });

  it('cuts an overlong sentence at a pause, losing no word', () => {
    const long = `${'слово '.repeat(30).trim()}, ${'другое '.repeat(30).trim()}.`;
    const pieces = splitSentences(long, 'ru', 250);
    assert.ok(pieces.length >= 2);
    for (const piece of pieces) assert.ok(piece.length <= 250, piece);
    assert.equal(pieces.join(' ').replace(/\s+/g, ' '), long);
    assert.ok(pieces[0]?.endsWith(','), 'the first cut falls on the comma');
  });

  it('drops pieces with nothing to say', () => {
    assert.deepEqual(splitSentences('  ... !!! ', 'en'), []);
    assert.deepEqual(splitSentences('', 'ru'), []);
  });

  it('speaks a reply in the script most of its letters use', () => {
    assert.equal(replyLanguage('Привет, как дела?'), 'ru');
    assert.equal(replyLanguage('Hello, how are you?'), 'en');
    assert.equal(replyLanguage('Я использую TypeScript каждый день'), 'ru');
    assert.equal(replyLanguage('42'), 'en');
  });
});
