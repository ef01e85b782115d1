import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { markStress, placeRussianStress, STRESS_MARK } from '../../src/tts/russian-stress.ts';

const espeak = { program: 'espeak-ng' };
const stressOf = async (text: string) => placeRussianStress(text, espeak);

describe('Russian word stress (espeak-ng dictionary)', () => {
  it('marks the stressed vowel of known words', async () => {
    assert.equal(await stressOf('Сегодня хорошая погода'), 'Сего́дня хоро́шая пого́да');
    assert.equal(await stressOf('молоко'), 'молоко́');
    assert.equal(await stressOf('Привет, мама!'), 'Приве́т, ма́ма!');
  });

  it('keeps what is already certain: marks the user put, ё, one-vowel words, other scripts', async () => {
    assert.equal(await stressOf('за́мок'), 'за́мок', 'an explicit mark wins over the dictionary');
    assert.equal(await stressOf('ёлка и дом'), 'ёлка и дом');
    assert.equal(await stressOf('Hello world 25.'), 'Hello world 25.');
  });

  it('gives a homograph the dictionary reading (a mark from the user forces the other)', async () => {
    // espeak-ng's ru_list reads "замок" as замо́к (lock) unless told; a user can force за́мок with a mark.
    assert.equal(await stressOf('на двери висит замок'), 'на две́ри виси́т замо́к');
    assert.match(await stressOf('все ушли'), /все ушли́/);
  });

  it('leaves the text unchanged when espeak-ng is missing', async () => {
    assert.equal(await placeRussianStress('хорошая погода', { program: '/nonexistent/espeak-ng' }), 'хорошая погода');
  });

  it('aligns phonemes with letters, and refuses when they disagree', () => {
    assert.equal(markStress('хорошая', ['x', 'V', 'r', "'o", 'S', 'V', 'ja']), `хоро${STRESS_MARK}шая`);
    assert.equal(markStress('привет', ['p', '@-', 'r', ';', 'i', 'v', ';', "'e", 't']), `приве${STRESS_MARK}т`);
    assert.equal(markStress('дом', ['d', 'o', 'm']), 'дом', 'no primary stress: unchanged');
    assert.equal(markStress('погода', ['p', "'o", 'g']), 'погода', 'vowel counts differ: unchanged');
  });
});
