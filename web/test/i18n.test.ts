import { describe, expect, it } from 'vitest';
import { i18n, preferredLocale, t } from '../src/lib/i18n/i18n.svelte.ts';
import { en, type MessageKey } from '../src/lib/i18n/messages.en.ts';
import { ru } from '../src/lib/i18n/messages.ru.ts';
import { interpolate, type MessageValue, pluralForm } from '../src/lib/i18n/plural.ts';

const placeholders = (value: MessageValue) =>
  [
    ...new Set(
      [...(typeof value === 'string' ? [value] : Object.values(value)).join(' ').matchAll(/\{(\w+)\}/g)].map(
        (m) => m[1],
      ),
    ),
  ].sort();

describe('i18n', () => {
  it('has every English message in Russian, with the same placeholders and nothing empty', () => {
    for (const key of Object.keys(en) as MessageKey[]) {
      const russian = ru[key];
      expect(russian, key).toBeDefined();
      expect(placeholders(russian), key).toEqual(placeholders(en[key]));
      const texts = typeof russian === 'string' ? [russian] : Object.values(russian);
      for (const text of texts) expect(text.trim(), key).not.toBe('');
    }
  });

  it('gives Russian counts their three plural forms', () => {
    const forms = ru['avatars.materialCount'];
    const say = (count: number) =>
      interpolate(pluralForm(forms as Exclude<MessageValue, string>, count, 'ru'), { count });
    expect([1, 2, 5, 21, 22, 25, 11].map(say)).toEqual([
      '1 материал',
      '2 материала',
      '5 материалов',
      '21 материал',
      '22 материала',
      '25 материалов',
      '11 материалов',
    ]);
  });

  it('switches language, remembers the choice and sets <html lang>', () => {
    i18n.setLocale('ru');
    expect(t('avatars.materialCount', { count: 3 })).toBe('3 материала');
    expect(localStorage.getItem('bishop.locale')).toBe('ru');
    expect(document.documentElement.lang).toBe('ru');
    i18n.setLocale('en');
    expect(t('avatars.materialCount', { count: 1 })).toBe('1 material');
    expect(t('avatars.created', { name: 'Ada' })).toBe('Avatar “Ada” created');
  });

  it('starts in the first browser language it speaks', () => {
    expect(preferredLocale(['de-DE', 'ru-RU', 'en'])).toBe('ru');
    expect(preferredLocale(['fr'])).toBe('en');
  });

  it('leaves an unknown placeholder visible rather than printing "undefined"', () => {
    expect(interpolate('Hello {name} {missing}', { name: 'Ada' })).toBe('Hello Ada {missing}');
  });
});
