import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { closerCyrillicCodePage, looksCyrillic } from '../../src/extraction/cyrillic-code-page.ts';

// Short messages as people write them; each is encoded by iconv-lite in both code pages.
const PHRASES = [
  'Да',
  'Нет',
  'Ок, понял',
  'Спасибо!',
  'Привет, как дела?',
  'Я дома',
  'Позвони мне завтра',
  'Хорошо, договорились.',
  'Где ты?',
  'Ничего страшного',
  'Сегодня очень холодно',
  'Буду через час',
  'Что ты думаешь об этом?',
  'Лекция начнётся в десять',
  'ЭТО ВАЖНО',
  'Москва',
  'Ёлка',
  'Шёл дождь',
  'Юля, ты где',
  'Приказ №5 «О ёлке» — в силе',
];
const CODE_PAGES = ['windows-1251', 'koi8-r'] as const;

describe('telling CP1251 from KOI8-R', () => {
  it('gets every short phrase right in both code pages', () => {
    for (const phrase of PHRASES) {
      for (const codePage of CODE_PAGES) {
        assert.equal(closerCyrillicCodePage(iconv.encode(phrase, codePage)), codePage, `${phrase} in ${codePage}`);
      }
    }
  });

  it('is needed: chardet alone misreads many of the same phrases', () => {
    const misread = PHRASES.flatMap((phrase) =>
      CODE_PAGES.filter((codePage) => chardet.detect(iconv.encode(phrase, codePage))?.toLowerCase() !== codePage),
    );
    assert.ok(misread.length >= PHRASES.length / 2, `chardet misread only ${misread.length} phrases`);
  });

  it('sees Cyrillic in Russian bytes but not in Western European ones', () => {
    assert.equal(looksCyrillic(iconv.encode('Привет, мир', 'windows-1251')), true);
    assert.equal(looksCyrillic(iconv.encode('Привет, мир', 'koi8-r')), true);
    assert.equal(looksCyrillic(iconv.encode('Le café est déjà fermé, à demain', 'windows-1252')), false);
  });
});
