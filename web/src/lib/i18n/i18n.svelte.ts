import { en, type MessageKey } from './messages.en.ts';
import { ru } from './messages.ru.ts';
import { interpolate, type MessageValue, pluralForm } from './plural.ts';

export const locales = ['en', 'ru'] as const;
export type Locale = (typeof locales)[number];

const dictionaries: Record<Locale, Record<MessageKey, MessageValue>> = { en, ru };
const STORAGE_KEY = 'bishop.locale';

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** The first of the browser's preferred languages that the UI speaks, else English. */
export function preferredLocale(languages: readonly string[]): Locale {
  for (const language of languages) {
    const base = language.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

/** The UI language: chosen once, remembered in localStorage, mirrored on <html lang>. */
class I18n {
  locale = $state<Locale>('en');

  constructor() {
    if (typeof localStorage === 'undefined') return;
    const saved = localStorage.getItem(STORAGE_KEY);
    this.locale = isLocale(saved) ? saved : preferredLocale(navigator.languages ?? [navigator.language]);
    document.documentElement.lang = this.locale;
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    localStorage.setItem(STORAGE_KEY, locale);
    document.documentElement.lang = locale;
  }

  /** The message in the current language; `count` picks the plural form. */
  t = (key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string => {
    const value = dictionaries[this.locale][key];
    const template = typeof value === 'string' ? value : pluralForm(value, Number(params.count ?? 0), this.locale);
    return interpolate(template, params);
  };
}

export const i18n = new I18n();
/** Shorthand for templates: `{t('avatars.title')}` re-renders when the language changes. */
export const t = i18n.t;
