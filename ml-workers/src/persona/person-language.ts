import type { StyleProfile } from '@bishop/domain';
import { detectLanguage, SEVERAL_LANGUAGES } from '../extraction/index.ts';

/** Languages Bishop ships generic text (the avatar test's floor and authorship) and voices for. */
export const fullySupportedLanguages = ['ru', 'en'] as const;
export type FullySupportedLanguage = (typeof fullySupportedLanguages)[number];

export function isFullySupported(language: string): language is FullySupportedLanguage {
  return (fullySupportedLanguages as readonly string[]).includes(language);
}

/**
 * The language the person writes in: tinyld over an even sample of their
 * words (ISO 639). A Russian–English mix, or too little text to tell, falls
 * back on the style profile's letters: the larger of Russian and English.
 */
export function personLanguageOf(texts: readonly string[], style: StyleProfile): string {
  const detected = detectLanguage(texts.join('\n'));
  if (detected !== null && detected !== SEVERAL_LANGUAGES) return detected;
  return style.languages.en > style.languages.ru ? 'en' : 'ru';
}

/** Why a language outside Bishop's generic text and voices is trained on but measured only in part. */
export function unsupportedLanguageNote(language: string): string {
  return `The person writes in ${languageName(language)} (${language}), for which Bishop has no generic text or voice: the avatar learns their words, but the avatar test measures only what needs neither`;
}

/** "French" for "fr"; the code itself when the runtime knows no name. */
export function languageName(language: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(language) ?? language;
  } catch {
    return language;
  }
}
