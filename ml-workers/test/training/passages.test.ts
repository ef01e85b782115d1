import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contentHash, splitIntoPassages, type WordsUnit } from '../../src/training/passages.ts';

const untimed = (text: string): WordsUnit => ({ text, startSec: null, endSec: null });
const rules = { targetChars: 60, maxChars: 120, minWords: 3, merge: true, maxGapSec: 3 };

describe('splitting into passages', () => {
  it('joins short paragraphs up to the target and keeps long ones under the limit', () => {
    const passages = splitIntoPassages(
      [
        untimed('Первый короткий абзац здесь.'),
        untimed('Второй короткий абзац тоже.'),
        untimed('Третий абзац.'),
        untimed(`${'Очень длинное предложение про оптику и свет. '.repeat(8)}`),
      ],
      rules,
    );
    assert.equal(passages[0]?.text, 'Первый короткий абзац здесь.\nВторой короткий абзац тоже.\nТретий абзац.');
    for (const passage of passages) assert.ok(passage.text.length <= rules.maxChars, passage.text);
    assert.ok(passages.length >= 4, 'the long paragraph was cut at sentence ends');
    assert.ok(
      passages.slice(1).every((p) => p.text.endsWith('.')),
      'cuts fall at sentence ends',
    );
    assert.equal(passages[0]?.language, 'ru');
  });

  it('cuts a sentence longer than the limit at word ends, and a word longer than it where it must', () => {
    const words = Array.from({ length: 60 }, (_, i) => `слово${i}`).join(' ');
    const passages = splitIntoPassages([untimed(words), untimed(`Ссылка ${'x'.repeat(300)} конец тут`)], {
      ...rules,
      merge: false,
    });
    for (const passage of passages) assert.ok(passage.text.length <= rules.maxChars);
    assert.equal(
      passages
        .map((p) => p.text)
        .join(' ')
        .split(' ')
        .filter((w) => w.startsWith('слово')).length,
      60,
    );
  });

  it('keeps chat turns apart, and drops those too short to carry knowledge', () => {
    const passages = splitIntoPassages([untimed('ок'), untimed('Завтра в семь вечера, не опаздывай'), untimed('ага')], {
      ...rules,
      merge: false,
    });
    assert.deepEqual(
      passages.map((p) => p.text),
      ['Завтра в семь вечера, не опаздывай'],
    );
  });

  it('does not join timed segments across a pause, and keeps their times', () => {
    const passages = splitIntoPassages(
      [
        { text: 'Сегодня поговорим о звёздах.', startSec: 0, endSec: 2 },
        { text: 'И о планетах тоже.', startSec: 2.5, endSec: 4 },
        { text: 'После перерыва продолжим про кометы.', startSec: 20, endSec: 23 },
      ],
      rules,
    );
    assert.deepEqual(
      passages.map((p) => [p.startSec, p.endSec]),
      [
        [0, 4],
        [20, 23],
      ],
    );
  });

  it('hashes content as a reader sees it: case, spacing, ё and punctuation do not matter', () => {
    assert.equal(contentHash('Ёлка  зелёная!'), contentHash('елка, зеленая'));
    assert.notEqual(contentHash('елка зеленая'), contentHash('елка синяя'));
    assert.notEqual(contentHash('a', 'b c'), contentHash('a b', 'c'), 'parts stay apart');
    assert.match(contentHash('x'), /^[0-9a-f]{32}$/);
  });
});
