import { runTool } from '../audio/run-tool.ts';

/** COMBINING ACUTE ACCENT after the stressed vowel: the mark Chatterbox's Russian training text carries. */
export const STRESS_MARK = '\u0301';

const VOWEL_LETTERS = /[аеёиоуыэюя]/giu;
const CYRILLIC_WORD = /[а-яё](?:[а-яё]|\u0301)*/giu;
/** espeak-ng vowel phonemes (Kirshenbaum), with or without a leading j (я, ю, е after a vowel). */
const VOWEL_PHONEME = /^j?[aAoOuUyYiIeEV@]/;

export interface StressOptions {
  /** The espeak-ng program whose Russian dictionary supplies the stress. */
  readonly program: string;
  readonly signal?: AbortSignal;
}

/**
 * Places word stress in Russian text, from espeak-ng's Russian dictionary
 * (ru_list: tens of thousands of stems plus rules; homographs get the
 * dictionary's context rules, else its most common reading). No npm package
 * ships a maintained Russian stress dictionary, and espeak-ng is a Debian
 * package Bishop already needs. Words that already carry a mark, words with
 * ё (always stressed) and one-vowel words are left as they are; so is any
 * word whose phonemes do not line up with its letters. If espeak-ng is
 * missing the text comes back unchanged: stress helps, it is not required.
 */
export async function placeRussianStress(input: string, options: StressOptions): Promise<string> {
  const text = input.normalize('NFC');
  const words = [...text.matchAll(CYRILLIC_WORD)];
  if (!words.some((word) => needsMark(word[0]))) return text;
  const phonemes = await phonemesOf(
    words.map((word) => word[0].replaceAll(STRESS_MARK, '')),
    options,
  );
  if (!phonemes || phonemes.length !== words.length) return text;
  let result = '';
  let copied = 0;
  words.forEach((word, i) => {
    const start = word.index;
    result += text.slice(copied, start);
    const stressed = needsMark(word[0]) ? markStress(word[0], phonemes[i] ?? []) : word[0];
    result += stressed;
    copied = start + word[0].length;
  });
  return result + text.slice(copied);
}

/** Puts the mark after the vowel letter espeak-ng stresses, when its vowels match the word's. */
export function markStress(word: string, phonemes: readonly string[]): string {
  const vowels = phonemes.filter((p) => VOWEL_PHONEME.test(p.replace(/^[',]+/, '')) && !p.includes('@-'));
  const stressedIndex = vowels.findIndex((p) => p.startsWith("'"));
  const letters = [...word.matchAll(VOWEL_LETTERS)];
  if (stressedIndex < 0 || vowels.length !== letters.length) return word;
  const letter = letters[stressedIndex];
  if (!letter) return word;
  const at = letter.index + 1;
  return word.slice(0, at) + STRESS_MARK + word.slice(at);
}

function needsMark(word: string): boolean {
  return !word.includes(STRESS_MARK) && !/ё/i.test(word) && (word.match(VOWEL_LETTERS)?.length ?? 0) >= 2;
}

/** One espeak-ng run for all words: phoneme tokens per word (`--sep=' '` spaces phonemes, two spaces part words). */
async function phonemesOf(words: readonly string[], options: StressOptions): Promise<string[][] | null> {
  try {
    const result = await runTool(options.program, ['-v', 'ru', '-q', '-x', '--sep= ', '--stdin'], {
      input: new TextEncoder().encode(words.join(' ')),
      timeoutMs: 30_000,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (result.exitCode !== 0) return null;
    return result.stdout
      .split(/ {2,}|\n+/)
      .map((word) => word.trim())
      .filter((word) => word.length > 0)
      .map((word) => word.split(' '));
  } catch {
    options.signal?.throwIfAborted();
    return null;
  }
}
