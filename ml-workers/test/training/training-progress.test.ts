import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { trainingProgress } from '../../src/training/training-progress.ts';

describe('training progress', () => {
  it('records each stage once, signals percent and ETA within it, throttled, and times the stages', async () => {
    let clock = 0;
    const stages: [string, number][] = [];
    const signals: [string, number, number | null][] = [];
    const progress = trainingProgress(
      {
        stageStarted: async (stage, percent) => {
          stages.push([stage, percent]);
        },
        progressed: (stage, percent, eta) => signals.push([stage, percent, eta]),
      },
      () => clock,
    );
    await progress.stage('collecting');
    clock = 1000;
    await progress.stage('cleaning');
    await progress.stage('pairing');
    await progress.stage('embedding');
    clock = 1100;
    progress.advance(0.1); // within 250 ms of the last signal: dropped
    clock = 2000;
    progress.advance(0.5);
    clock = 2100;
    progress.advance(1); // the end of a stage always goes out
    const timings = progress.finish();
    assert.deepEqual(stages, [
      ['collecting', 0],
      ['cleaning', 10],
      ['pairing', 20],
      ['embedding', 25],
    ]);
    assert.deepEqual(signals.slice(-2), [
      ['embedding', 50, 2],
      ['embedding', 75, 1],
    ]);
    assert.deepEqual(timings, { collecting: 1000, cleaning: 0, pairing: 0, embedding: 1100, total: 2100 });
  });
});
