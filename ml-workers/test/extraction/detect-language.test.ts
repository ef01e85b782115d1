import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectLanguage, extractDocument } from '../../src/extraction/index.ts';
import { fixture } from './fixtures.ts';

describe('language detection (tinyld: ISO 639 codes, 60+ languages)', () => {
  it('tells Russian, English, French, Latin, German and Ukrainian apart', () => {
    const samples: Record<string, string> = {
      ru: 'Сегодня мы обсудим, как устроен transformer и почему он работает так хорошо.',
      en: 'See you at the lecture on Tuesday; bring the reading list with you.',
      fr: 'Bonsoir à tous. Aujourd’hui nous allons parler de la radio et de ceux qui l’ont inventée.',
      la: 'Gallia est omnis divisa in partes tres, quarum unam incolunt Belgae, aliam Aquitani.',
      de: 'Guten Abend, liebe Kolleginnen und Kollegen. Heute sprechen wir über das Radio.',
      uk: 'Добрий вечір, колеги. Сьогодні ми поговоримо про те, як з’явилося радіо.',
    };
    for (const [language, text] of Object.entries(samples)) assert.equal(detectLanguage(text), language, text);
  });

  it('reads the language of whole documents: a Russian lecture in CP1251, an English note', async () => {
    const read = (name: string) =>
      extractDocument({ bytes: fixture(`documents/${name}`), fileName: name, mediaType: 'text/plain' });
    assert.equal((await read('lecture-ru.cp1251.txt')).language, 'ru');
    assert.equal((await read('notes-en.md')).language, 'en');
  });

  it('does not let links, e-mails and @handles tip a Russian text to English', () => {
    assert.equal(
      detectLanguage(
        'Программа тут: https://example.org/lectures/radio-history, пиши на anna@example.org или @anna_petrova',
      ),
      'ru',
    );
  });

  it('has no language for text with too few letters to tell', () => {
    assert.equal(detectLanguage('12:30 — 🙂 !!!'), null);
    assert.equal(detectLanguage('да, конечно'), null);
  });

  it('stays fast on a long unbroken line (no backtracking blow-up that would freeze the process)', () => {
    // Quadratic matching took ~10 s on 100 kB; a long text is judged on a few slices of it.
    const started = performance.now();
    detectLanguage(`${'b'.repeat(2_000_000)} ${'Добрый вечер, коллеги. '.repeat(50_000)}`);
    assert.ok(performance.now() - started < 5000, 'language detection must not freeze on long lines');
  });
});
