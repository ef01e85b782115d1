import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type SpeakerTurn,
  type SpeechRegion,
  sampleRate,
  speechRegions,
  splitSegmentsAtTurns,
  type VadFrame,
} from '../../src/audio/index.ts';
import { frames } from './vad-frames.ts';

async function regionsOf(source: AsyncIterable<VadFrame>, options = {}) {
  const regions: SpeechRegion[] = [];
  for await (const region of speechRegions(source, options)) regions.push(region);
  return regions.map((r) => ({
    start: (r.startSample + r.leadSamples) / sampleRate,
    end: (r.startSample + r.samples.length - r.tailSamples) / sampleRate,
    padded: r.samples.length / sampleRate,
  }));
}

const near = (actual: number, expected: number, tolerance = 0.04) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not within ${tolerance} of ${expected}`);

describe('speech regions', () => {
  it('splits speech at pauses of 0.2 s and more, and bridges shorter ones', async () => {
    // Speech 1–3 s, a 0.1 s breath, 3.1–4 s, a 0.5 s pause, 4.5–6 s.
    const speaking = (t: number) => (t >= 1 && t < 3) || (t >= 3.1 && t < 4) || (t >= 4.5 && t < 6);
    const regions = await regionsOf(frames(8, speaking));
    assert.equal(regions.length, 2);
    near(regions[0]?.start ?? 0, 1);
    near(regions[0]?.end ?? 0, 4);
    near(regions[1]?.start ?? 0, 4.5);
    near(regions[1]?.end ?? 0, 6);
    // The models get 0.1 s of audio around the speech.
    near(regions[1]?.padded ?? 0, 1.7);
  });

  it('leaves out clicks shorter than 0.15 s and cuts a region at the length limit', async () => {
    const regions = await regionsOf(
      frames(50, (t) => (t >= 1 && t < 1.06) || (t >= 5 && t < 45)),
      { maxRegionSec: 30 },
    );
    assert.equal(regions.length, 2);
    near(regions[0]?.start ?? 0, 5, 0.12);
    near((regions[1]?.start ?? 0) - 5, 30, 0.12);
    near(regions[1]?.end ?? 0, 45);
  });
});

describe('splitting transcript segments at turns', () => {
  const turn = (startSec: number, endSec: number, isPerson: boolean | null): SpeakerTurn => ({
    startSec,
    endSec,
    similarity: isPerson === null ? null : isPerson ? 0.9 : 0.1,
    isPerson,
  });

  it('cuts a segment spanning two voices, sharing its words by time, none lost', () => {
    const text = 'one two three four five six seven eight, nine ten.';
    const pieces = splitSegmentsAtTurns([{ startSec: 0, endSec: 10, text }], [turn(0, 8, true), turn(8.5, 10, false)]);
    assert.deepEqual(
      pieces.map((p) => [p.startSec, p.endSec, p.isPerson]),
      [
        [0, 8, true],
        [8.5, 10, false],
      ],
    );
    assert.equal(pieces[0]?.text, 'one two three four five six seven eight,');
    assert.equal(pieces[1]?.text, 'nine ten.');
  });

  it('gives a short turn at least one word while there are enough', () => {
    const pieces = splitSegmentsAtTurns(
      [{ startSec: 0, endSec: 10, text: 'a b c' }],
      [turn(0, 9, true), turn(9.2, 9.8, false)],
    );
    assert.deepEqual(
      pieces.map((p) => p.text),
      ['a b', 'c'],
    );
  });

  it('splits text without spaces by words too', () => {
    const pieces = splitSegmentsAtTurns(
      [{ startSec: 0, endSec: 4, text: '今日は良い天気ですね' }],
      [turn(0, 2, true), turn(2, 4, false)],
    );
    assert.equal(pieces.map((p) => p.text).join(''), '今日は良い天気ですね');
    assert.equal(pieces.length, 2);
  });

  it('gives text placed between turns the nearest turn’s verdict', () => {
    const [piece] = splitSegmentsAtTurns(
      [{ startSec: 5.1, endSec: 5.3, text: 'hm' }],
      [turn(0, 5, true), turn(7, 9, false)],
    );
    assert.deepEqual(piece, { startSec: 5.1, endSec: 5.3, text: 'hm', similarity: 0.9, isPerson: true });
  });
});
