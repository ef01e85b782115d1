import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectLanguage } from '../../src/extraction/index.ts';

describe('language by script', () => {
  it('calls mostly-Cyrillic text Russian, even with an English term in it', () => {
    assert.equal(detectLanguage('Сегодня мы обсудим, как устроен transformer и почему он работает.'), 'ru');
  });

  it('calls Latin text English', () => {
    assert.equal(detectLanguage('See you at the lecture on Tuesday.'), 'en');
  });

  it('calls a real mix of both "mixed"', () => {
    assert.equal(detectLanguage('Meeting notes. Заметки со встречи.'), 'mixed');
  });

  it('does not let links, e-mails and @handles tip a Russian text to mixed', () => {
    assert.equal(
      detectLanguage(
        'Программа тут: https://example.org/lectures/radio-history, пиши на anna@example.org или @anna_petrova',
      ),
      'ru',
    );
  });

  it('has no language for text without letters', () => {
    assert.equal(detectLanguage('12:30 — 🙂 !!!'), null);
  });
});
