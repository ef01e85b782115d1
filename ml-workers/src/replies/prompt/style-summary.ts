import type { StyleProfile } from '@bishop/domain';

/**
 * The style profile in a few plain sentences a model can follow: how long the
 * person writes, how they address people, punctuation and emoji habits,
 * phrases they repeat and the languages they mix. Only habits with enough
 * evidence are stated, so a small corpus does not invent a manner.
 */
export function describeStyle(style: StyleProfile): string[] {
  if (style.words < 20) return [];
  const lines: string[] = [];
  const perText = style.textLength.median;
  const sentence = style.sentenceLength.median;
  lines.push(
    `Message length: usually about ${Math.round(perText)} words per message, ${Math.round(sentence)} words per sentence${perText <= 12 ? ' (short, chat-like)' : ''}.`,
  );
  const register = style.formality.register;
  if (register === 'informal') lines.push('Addresses people informally, with «ты».');
  if (register === 'formal') lines.push('Addresses people formally, with «вы»/«Вы».');
  if (register === 'mixed') lines.push('Uses both «ты» and «вы», depending on the person.');
  const habits: string[] = [];
  if (style.punctuation.unterminatedTexts >= 0.5) habits.push('often ends messages without a full stop');
  if (style.casing.lowercaseSentenceStarts >= 0.5) habits.push('often starts sentences with a lower-case letter');
  if (style.punctuation.exclamation >= 2) habits.push('uses exclamation marks a lot');
  if (style.punctuation.ellipsis >= 1) habits.push('likes «…»');
  if (style.punctuation.repeatedMarks >= 0.5) habits.push('repeats marks like «!!» or «?!»');
  if (style.emoji.bracketSmilesPerText >= 0.2) habits.push('smiles with «)» as Russian chats do');
  if (style.emoji.perText >= 0.3) {
    const favourites = style.emoji.favourites.slice(0, 3).map((entry) => entry.text);
    habits.push(`uses emoji${favourites.length > 0 ? ` (${favourites.join(' ')})` : ''}`);
  } else if (style.emoji.perText < 0.05) habits.push('hardly ever uses emoji');
  if (habits.length > 0) lines.push(`Habits: ${habits.join('; ')}.`);
  const phrases = style.phrases.slice(0, 6).map((entry) => `«${entry.text}»`);
  if (phrases.length > 0) lines.push(`Characteristic phrases: ${phrases.join(', ')}.`);
  const openers = style.openers.slice(0, 4).map((entry) => `«${entry.text}»`);
  if (openers.length > 0) lines.push(`Often begins with: ${openers.join(', ')}.`);
  lines.push(languageLine(style));
  return lines;
}

function languageLine({ languages }: StyleProfile): string {
  const percent = (share: number) => `${Math.round(share * 100)}%`;
  if (languages.mixed >= 0.2)
    return `Mixes Russian and English within messages (${percent(languages.mixed)} of messages).`;
  if (languages.ru >= 0.8) return 'Writes in Russian.';
  if (languages.en >= 0.8) return 'Writes in English.';
  return `Writes in Russian (${percent(languages.ru)}) and English (${percent(languages.en)}).`;
}
