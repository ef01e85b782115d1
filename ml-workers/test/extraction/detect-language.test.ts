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

  it('stays linear on a long unbroken line (no backtracking blow-up that would freeze the process)', () => {
    // Quadratic matching took ~10 s on 100 kB; linear matching does 2 MB in well under a second.
    const started = performance.now();
    assert.equal(detectLanguage('b'.repeat(2_000_000)), 'en');
    assert.ok(performance.now() - started < 5000, 'language detection must not freeze on long lines');
  });
});
