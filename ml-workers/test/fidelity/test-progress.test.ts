import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testProgress } from '../../src/fidelity/test-progress.ts';

describe('avatar test progress', () => {
  it('tells each step and whole percent once, growing, and never 100 before the report', () => {
    const told: string[] = [];
    const progress = testProgress(4, (step, percent) => told.push(`${step} ${percent}`));
    progress.enter('replies:retrieval');
    progress.tick();
    progress.tick();
    progress.enter('scoring:authorship');
    progress.enter('scoring:styleSimilarity');
    progress.enter('voice');
    progress.tick();
    progress.tick();
    // More work than planned (a plan is an estimate) still stops short of 100.
    progress.tick();
    assert.deepEqual(told, ['replies 0', 'replies 25', 'replies 50', 'scoring 50', 'voice 50', 'voice 75', 'voice 99']);
  });

  it('copes with a test that plans nothing', () => {
    const told: number[] = [];
    const progress = testProgress(0, (_step, percent) => told.push(percent));
    progress.enter('voice');
    assert.deepEqual(told, [0]);
  });
});
