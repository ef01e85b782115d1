import type { AvatarTestStep } from '@bishop/domain';

export type TestProgressListener = (step: AvatarTestStep, percent: number) => void;

export interface TestProgress {
  /** A timed part of the test began (`replies:retrieval`, `scoring:authorship`, `voice`). */
  enter(label: string): void;
  /** One reply or dub done (the job's heartbeat calls it). */
  tick(): void;
}

// 100 % is the report itself: progress stops just short of it.
const LAST_PERCENT = 99;

/**
 * Percent of an avatar test from the replies and dubs it plans to make
 * (scoring is quick beside them). Tells the listener only when the whole
 * percent or the step changes, so a long test sends at most about a hundred.
 */
export function testProgress(plannedUnits: number, listener: TestProgressListener): TestProgress {
  let done = 0;
  let step: AvatarTestStep = 'replies';
  let told: string | null = null;
  const tell = () => {
    const percent = Math.min(LAST_PERCENT, Math.floor((100 * done) / Math.max(1, plannedUnits)));
    const now = `${step}:${percent}`;
    if (now === told) return;
    told = now;
    listener(step, percent);
  };
  return {
    enter(label) {
      step = stepOf(label);
      tell();
    },
    tick() {
      done += 1;
      tell();
    },
  };
}

function stepOf(label: string): AvatarTestStep {
  if (label.startsWith('scoring')) return 'scoring';
  if (label.startsWith('voice')) return 'voice';
  return 'replies';
}
