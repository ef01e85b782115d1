import { readFile } from 'node:fs/promises';

export type CorpusLanguage = 'ru' | 'en';

/** Generic text of one language, split in two disjoint halves. */
export interface GenericCorpus {
  /** What the authorship classifier learns "anyone" from (even lines). */
  readonly training: readonly string[];
  /** Texts of nobody in particular, kept out of training: the floor where the materials hold nobody else's words. */
  readonly floor: readonly string[];
}

const cache = new Map<CorpusLanguage, Promise<GenericCorpus>>();

/** The generic corpus of a language, or null when Bishop ships none for it (see person-language.ts). */
export function genericCorpusFor(language: string): Promise<GenericCorpus | null> {
  return language === 'ru' || language === 'en' ? genericCorpus(language) : Promise.resolve(null);
}

/** The shipped generic corpus (generic-corpus/<language>.txt, written for Bishop; see its README). */
export function genericCorpus(language: CorpusLanguage): Promise<GenericCorpus> {
  let corpus = cache.get(language);
  if (!corpus) {
    corpus = readFile(new URL(`./generic-corpus/${language}.txt`, import.meta.url), 'utf8').then((text) => {
      const lines = text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      return {
        training: lines.filter((_, i) => i % 2 === 0),
        floor: lines.filter((_, i) => i % 2 === 1),
      };
    });
    cache.set(language, corpus);
  }
  return corpus;
}
