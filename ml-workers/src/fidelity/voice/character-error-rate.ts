import { distance } from 'fastest-levenshtein';

/** Lower case, ё as е, stress marks and punctuation dropped, spaces collapsed: what a listener can hear. */
export function spokenForm(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\u0301/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Character error rate of a transcript against the text spoken: edit distance over the text's length. */
export function characterErrorRate(reference: string, hypothesis: string): number {
  const expected = spokenForm(reference);
  const heard = spokenForm(hypothesis);
  if (expected.length === 0) return heard.length === 0 ? 0 : 1;
  return distance(expected, heard) / expected.length;
}
