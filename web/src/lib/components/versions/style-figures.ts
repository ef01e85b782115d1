import type { MessageKey } from '$lib/i18n/messages.en.ts';

export interface StyleFigure {
  readonly label: MessageKey;
  readonly value: number;
  /** How to show it: a count, a share (0–1), or a plain number. */
  readonly as: 'count' | 'share' | 'number';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const at = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((node, key) => (isRecord(node) ? node[key] : undefined), value);

const figures: readonly [MessageKey, string[], StyleFigure['as']][] = [
  ['style.words', ['words'], 'count'],
  ['style.sentenceLength', ['sentenceLength', 'median'], 'number'],
  ['style.vocabulary', ['vocabulary', 'movingTypeTokenRatio'], 'share'],
  ['style.questions', ['punctuation', 'question'], 'number'],
  ['style.exclamations', ['punctuation', 'exclamation'], 'number'],
  ['style.emoji', ['emoji', 'perText'], 'number'],
  ['style.formal', ['formality', 'formalShare'], 'share'],
];

/** The style profile's headline figures (the rest stays in the persona snapshot). */
export function styleFigures(profile: unknown): StyleFigure[] {
  return figures.flatMap(([label, path, as]) => {
    const value = at(profile, ...path);
    return typeof value === 'number' ? [{ label, value, as }] : [];
  });
}

/** Characteristic phrases and favourite words, most frequent first. */
export function stylePhrases(profile: unknown, key: 'phrases' | 'favouriteWords', limit = 8): string[] {
  const list = at(profile, key);
  if (!Array.isArray(list)) return [];
  return list
    .filter((item): item is { text: string } => isRecord(item) && typeof item.text === 'string')
    .slice(0, limit)
    .map((item) => item.text);
}
