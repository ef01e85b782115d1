import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SpeakerTurn } from '../../src/audio/speaker-turns.ts';
import { TurnsByTime } from '../../src/audio/turns-by-time.ts';

// A seeded generator (mulberry32): the same cases on every run, many shapes of turns.
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const turn = (startSec: number, endSec: number, similarity: number): SpeakerTurn => ({
  startSec,
  endSec,
  similarity,
  isPerson: similarity > 0.5,
});

// What splitting did before the index: every turn compared with the segment.
function overlappingByScan(turns: readonly SpeakerTurn[], startSec: number, endSec: number): SpeakerTurn[] {
  return [...turns]
    .sort((a, b) => a.startSec - b.startSec)
    .filter((t) => Math.max(t.startSec, startSec) < Math.min(t.endSec, endSec));
}
function nearestDistanceByScan(turns: readonly SpeakerTurn[], startSec: number, endSec: number): number {
  return Math.min(...turns.map((t) => Math.max(t.startSec - endSec, startSec - t.endSec, 0)));
}

describe('speaker turns by time', () => {
  it('finds the same overlapping turns as comparing every turn, in order of start', () => {
    const next = random(7);
    for (let round = 0; round < 300; round++) {
      // Turns of a recording follow each other; some rounds overlap them, as a re-cut might.
      const overlapping = round % 3 === 0;
      const turns: SpeakerTurn[] = [];
      let at = next() * 5;
      for (let i = 0; i < 1 + Math.floor(next() * 30); i++) {
        const length = next() * 8;
        turns.push(turn(at, at + length, next()));
        at += overlapping ? length * next() * 1.5 : length + next() * 3;
      }
      const index = new TurnsByTime(next() < 0.5 ? turns : [...turns].reverse());
      for (let probe = 0; probe < 20; probe++) {
        const startSec = next() * (at + 5);
        const endSec = startSec + next() * 10;
        assert.deepEqual(index.overlapping(startSec, endSec), overlappingByScan(turns, startSec, endSec));
      }
    }
  });

  it('gives, for a stretch between turns, a turn no farther than any other', () => {
    const next = random(11);
    for (let round = 0; round < 300; round++) {
      const turns: SpeakerTurn[] = [];
      let at = next() * 5;
      for (let i = 0; i < 1 + Math.floor(next() * 20); i++) {
        const length = 0.1 + next() * 5;
        turns.push(turn(at, at + length, next()));
        at += length + next() * 6;
      }
      const index = new TurnsByTime(turns);
      for (let probe = 0; probe < 20; probe++) {
        const startSec = next() * (at + 10) - 5;
        const endSec = startSec + next() * 2;
        if (index.overlapping(startSec, endSec).length > 0) continue;
        const found = index.nearest(startSec, endSec) as SpeakerTurn;
        const distance = Math.max(found.startSec - endSec, startSec - found.endSec, 0);
        assert.equal(distance, nearestDistanceByScan(turns, startSec, endSec));
      }
    }
  });

  it('answers a segment touching turns only at their edges with none, and an empty index with nothing near', () => {
    const index = new TurnsByTime([turn(0, 2, 0.9), turn(4, 6, 0.1)]);
    assert.deepEqual(index.overlapping(2, 4), []);
    assert.deepEqual(index.overlapping(3, 3), []);
    assert.equal(index.nearest(2, 2.5)?.startSec, 0);
    assert.equal(index.nearest(3.6, 3.9)?.startSec, 4);
    assert.equal(new TurnsByTime([]).nearest(1, 2), undefined);
  });
});
