import { describe, expect, it } from 'vitest';
import { reportText } from '../src/lib/components/reports/report-text.ts';
import { i18n } from '../src/lib/i18n/i18n.svelte.ts';

describe('the avatar test’s notes and reasons in the reader’s language', () => {
  it('says the recorded English sentences in Russian, and leaves an unknown one as written', () => {
    i18n.setLocale('ru');
    expect(
      reportText(
        'The verdict uses the retrieval responder’s replies (the person’s own past replies): LLM replies were not measured (model llm-not-installed missing)',
      ),
    ).toBe(
      'Вердикт построен на ответах поиска (прошлых ответах самого человека): ответы языковой модели — не измерено (модель llm-not-installed не установлена)',
    );
    expect(reportText('not measured (1 held-out pair: the ceiling needs two)')).toMatch(
      /^не измерено \(отложенных пар диалога: 1/,
    );
    expect(reportText('Something new the server says')).toBe('Something new the server says');
    i18n.setLocale('en');
    expect(reportText('not measured (model e5 missing)')).toBe('not measured (the model e5 is not installed)');
  });
});
