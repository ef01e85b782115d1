import { describe, expect, it } from 'vitest';
import { defaultSegment, segmentProblem } from '../src/lib/components/voice/voice-rules.ts';
import { i18n, t } from '../src/lib/i18n/i18n.svelte.ts';

const say = (problem: ReturnType<typeof segmentProblem>) => (problem ? t(problem.key, problem.values) : null);

describe('the 6–60 s rule for a cut segment', () => {
  i18n.setLocale('en');

  it('starts with the whole recording, at most its first 60 s', () => {
    expect(defaultSegment(12)).toEqual({ start: 0, end: 12 });
    expect(defaultSegment(12.37)).toEqual({ start: 0, end: 12.3 });
    expect(defaultSegment(600)).toEqual({ start: 0, end: 60 });
    expect(defaultSegment(null)).toEqual({ start: 0, end: 60 });
  });

  it('says what is wrong, not just the rule', () => {
    expect(say(segmentProblem(0, 15, 12))).toBe('The end is past the end of the recording (12 s).');
    expect(say(segmentProblem(0, 4, 12))).toBe('4 s: too short, a sample needs at least 6 s (2 s more).');
    expect(say(segmentProblem(0, 75, 100))).toBe('75 s: too long, a sample may last at most 60 s (15 s less).');
    expect(say(segmentProblem(8, 5, 12))).toBe('The end must come after the start.');
    expect(say(segmentProblem(0, 4, 4))).toMatch(/only 4 s long; a sample needs at least 6 s/);
    expect(say(segmentProblem(0, 12, 12))).toBeNull();
  });
});
