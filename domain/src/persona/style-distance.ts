import type { StyleProfile } from './style-profile.ts';

/**
 * How far one text's (or corpus's) stylometrics lie from the person's, 0..1:
 * the mean over measures of |a − b| / (|a| + |b| + s), a Canberra distance
 * (Lance & Williams 1967, common in stylometry) whose per-measure softening `s`
 * keeps a single short reply that lacks a rare mark from counting as maximally far.
 */
export function styleDistance(text: StyleProfile, person: StyleProfile): number {
  const parts: number[] = [];
  for (const { of, softening } of measures) {
    const a = of(text);
    const b = of(person);
    if (a === null || b === null) continue;
    parts.push(Math.abs(a - b) / (Math.abs(a) + Math.abs(b) + softening));
  }
  return parts.length === 0 ? 0 : parts.reduce((sum, part) => sum + part, 0) / parts.length;
}

type Measure = { readonly of: (profile: StyleProfile) => number | null; readonly softening: number };

// Softening ≈ the smallest difference that shows in chat: 2 words, 1 mark per 100 words, 10 % of texts…
const perHundredWords = (mark: keyof StyleProfile['punctuation']): Measure => ({
  of: (profile) => profile.punctuation[mark],
  softening: 1,
});

const measures: readonly Measure[] = [
  { of: (profile) => profile.sentenceLength.mean, softening: 2 },
  { of: (profile) => profile.textLength.mean, softening: 2 },
  { of: (profile) => profile.vocabulary.meanWordLength, softening: 0.5 },
  perHundredWords('comma'),
  perHundredWords('period'),
  perHundredWords('exclamation'),
  perHundredWords('question'),
  perHundredWords('ellipsis'),
  perHundredWords('dash'),
  perHundredWords('colon'),
  perHundredWords('semicolon'),
  perHundredWords('quote'),
  perHundredWords('parenthesis'),
  perHundredWords('repeatedMarks'),
  { of: (profile) => profile.punctuation.unterminatedTexts, softening: 0.1 },
  { of: (profile) => profile.emoji.perText, softening: 0.1 },
  { of: (profile) => profile.emoji.bracketSmilesPerText, softening: 0.1 },
  { of: (profile) => profile.casing.lowercaseSentenceStarts, softening: 0.1 },
  { of: (profile) => profile.casing.shoutedWords, softening: 0.02 },
  // Only when both use forms of address: a reply without any says nothing about ты/вы.
  { of: (profile) => profile.formality.formalShare, softening: 0.1 },
  { of: (profile) => (profile.words === 0 ? null : profile.languages.cyrillicLetters), softening: 0.05 },
];
