import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StreamedText } from '../../src/llm/streamed-text.ts';

function stream(raw: readonly string[], stops: readonly string[] = []) {
  const pieces: string[] = [];
  const text = new StreamedText(stops, (piece) => pieces.push(piece));
  let stoppedAt = -1;
  raw.forEach((piece, i) => {
    if (text.push(piece) && stoppedAt < 0) stoppedAt = i;
  });
  return { pieces, text: text.finish(), stoppedAt };
}

describe('StreamedText', () => {
  it('joins its pieces to exactly the recorded text: trimmed, without controls', () => {
    const { pieces, text } = stream(['  \n', 'Hello', ' wor\u0001ld', ' \u202e', '\n  ']);
    assert.equal(text, 'Hello world');
    assert.equal(pieces.join(''), text);
    assert.equal(text, text.normalize('NFC').trim());
  });

  it('streams as it goes, holding back only the last character and trailing spaces', () => {
    const { pieces } = stream(['Привет,', ' как', ' дела?']);
    assert.deepEqual(pieces, ['Привет', ', ка', 'к дела', '?']);
  });

  it('never splits a letter from a combining mark that follows it', () => {
    // "й" as и + combining breve across two pieces: NFC makes it one letter.
    const { pieces, text } = stream(['мои', '\u0306 слова']);
    assert.equal(text, 'мой слова');
    assert.equal(pieces.join(''), text);
    assert.ok(pieces.every((piece) => piece === piece.normalize('NFC')));
  });

  it('ends at a stop string split across pieces, and ignores what follows', () => {
    const { pieces, text, stoppedAt } = stream(['Ответ: да', '.\nUs', 'er: ещё', ' вопрос'], ['\nUser:']);
    assert.equal(text, 'Ответ: да.');
    assert.equal(pieces.join(''), text);
    assert.equal(stoppedAt, 2);
    assert.ok(!pieces.join('').includes('Us'), 'the start of the stop string was held back, never sent');
  });

  it('drops the replacement character a decoder leaves for broken UTF-8', () => {
    assert.equal(stream(['ok\ufffd', ' fine']).text, 'ok fine');
  });
});
