import iconv from 'iconv-lite';

// The commonly cited letter frequencies of Russian text, per mille.
const RUSSIAN_LETTER_FREQUENCY: Readonly<Record<string, number>> = {
  о: 109.7,
  е: 84.5,
  а: 80.1,
  и: 73.5,
  н: 67,
  т: 62.6,
  с: 54.7,
  р: 47.3,
  в: 45.4,
  л: 44,
  к: 34.9,
  м: 32.1,
  д: 29.8,
  п: 28.1,
  у: 26.2,
  я: 20.1,
  ы: 19,
  ь: 17.4,
  г: 17,
  з: 16.5,
  б: 15.9,
  ч: 14.4,
  й: 12.1,
  х: 9.7,
  ж: 9.4,
  ш: 7.3,
  ю: 6.4,
  ц: 4.8,
  щ: 3.6,
  э: 3.2,
  ф: 2.6,
  ъ: 0.4,
  ё: 0.4,
};
// The wrong code page turns letters into capitals inside words ("дП"), box drawing
// ("╕") or non-Russian letters ("і", "ў"); all are rare in Russian prose.
const UNLIKELY = Math.log(0.001);
const CAPITAL_INSIDE_WORD = Math.log(0.05);
// Typography of Russian text in CP1251's upper half; neutral, so that it does not count against it.
const TYPOGRAPHY = new Set('«»—–№…„“”‘’•\u00a0');

export type CyrillicCodePage = 'windows-1251' | 'koi8-r';

/**
 * CP1251 and KOI8-R put the same letters on different bytes, so each reads the
 * other as plausible-looking Cyrillic. chardet tells them apart on paragraphs but
 * guesses Hebrew, Greek or Shift_JIS for about half of short phrases ("Я дома",
 * "Москва"); the decoding whose letters are likelier Russian is the right one.
 */
export function closerCyrillicCodePage(bytes: Uint8Array): CyrillicCodePage {
  const cp1251 = russianLikelihood(iconv.decode(Buffer.from(bytes), 'windows-1251'));
  const koi8r = russianLikelihood(iconv.decode(Buffer.from(bytes), 'koi8-r'));
  return koi8r > cp1251 ? 'koi8-r' : 'windows-1251';
}

function russianLikelihood(text: string): number {
  let score = 0;
  let previous = '';
  for (const char of text) {
    const lower = char.toLowerCase();
    const frequency = RUSSIAN_LETTER_FREQUENCY[lower];
    if (frequency !== undefined) {
      score += Math.log(frequency / 1000);
      if (char !== lower && previous !== previous.toUpperCase()) score += CAPITAL_INSIDE_WORD;
    } else if (char > '\u007f' && !TYPOGRAPHY.has(char)) {
      score += UNLIKELY;
    }
    previous = char;
  }
  return score;
}

/**
 * Whether 8-bit text is mostly Cyrillic in either code page: both keep the letters
 * in 0xC0–0xFF (Ё/ё elsewhere), and Russian prose is mostly such bytes, while a
 * Western text has only the odd accented letter among ASCII ones.
 */
export function looksCyrillic(bytes: Uint8Array): boolean {
  let high = 0;
  let ascii = 0;
  for (const byte of bytes) {
    if (byte >= 0xc0 || byte === 0xa8 || byte === 0xb8 || byte === 0xa3 || byte === 0xb3) high++;
    else if ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a)) ascii++;
  }
  return high > 0 && high / (high + ascii) >= 0.3;
}
