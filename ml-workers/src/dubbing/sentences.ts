/** Longest piece one synthesis call gets: TTS models lose the thread on long inputs (Chatterbox ≈ 40 s per call). */
export const MAX_SENTENCE_CHARS = 250;

// ICU ends a sentence after any "word." it sees; these words are abbreviations that seldom end one.
const ABBREVIATIONS = new Set([
  'т',
  'е',
  'д',
  'п',
  'г',
  'гг',
  'ул',
  'др',
  'пр',
  'им',
  'см',
  'ср',
  'стр',
  'тыс',
  'млн',
  'млрд',
  'руб',
  'коп',
  'проф',
  'акад',
  'доц',
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'vs',
  'etc',
  'e',
  'i',
  'g',
  'jr',
  'sr',
  'mt',
]);

/**
 * Splits a reply into sentences in reading order (ICU's sentence rules for
 * the language), keeps abbreviations inside their sentence, and cuts
 * sentences longer than `maxChars` at the last pause (, ; : —) or space
 * before the limit. Nothing is lost: the pieces joined with spaces hold
 * every word of the text.
 */
export function splitSentences(text: string, language: string, maxChars = MAX_SENTENCE_CHARS): string[] {
  const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
  const sentences: string[] = [];
  for (const { segment } of segmenter.segment(text.replace(/\s+/g, ' ').trim())) {
    const piece = segment.trim();
    if (piece.length === 0) continue;
    const previous = sentences.at(-1);
    if (previous !== undefined && endsWithAbbreviation(previous)) {
      sentences[sentences.length - 1] = `${previous} ${piece}`;
    } else {
      sentences.push(piece);
    }
  }
  return sentences.flatMap((sentence) => cutLong(sentence, maxChars)).filter((s) => /[\p{L}\p{N}]/u.test(s));
}

function endsWithAbbreviation(sentence: string): boolean {
  const last = /(?:^|[\s(])([\p{L}]{1,5})\.$/u.exec(sentence);
  return last?.[1] !== undefined && ABBREVIATIONS.has(last[1].toLowerCase());
}

function cutLong(sentence: string, maxChars: number): string[] {
  const pieces: string[] = [];
  let rest = sentence;
  while (rest.length > maxChars) {
    const window = rest.slice(0, maxChars + 1);
    const pause = Math.max(...[',', ';', ':', ' —', ' –'].map((mark) => window.lastIndexOf(mark)));
    const space = window.lastIndexOf(' ');
    const cut = pause > maxChars / 3 ? pause + 1 : space > 0 ? space : maxChars;
    pieces.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest.length > 0) pieces.push(rest);
  return pieces;
}
