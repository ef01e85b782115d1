import type { TrainingStage } from '@bishop/domain';

/** The stages this trainer goes through (the avatar test, 'testing', is a later step of its own). */
export const trainerStages = [
  'collecting',
  'cleaning',
  'pairing',
  'embedding',
  'indexing',
  'profiling',
  'snapshotting',
] as const satisfies readonly TrainingStage[];
export type TrainerStage = (typeof trainerStages)[number];

// Shares of a typical run's time: embedding dominates whenever there is new material.
const weights: Record<TrainerStage, number> = {
  collecting: 10,
  cleaning: 10,
  pairing: 5,
  embedding: 50,
  indexing: 10,
  profiling: 5,
  snapshotting: 10,
};

export interface ProgressSink {
  /** A stage began: recorded as an event (stage changes only). */
  stageStarted(stage: TrainerStage, percent: number): Promise<void>;
  /** Within a stage: a short-lived signal, never stored. */
  progressed(stage: TrainerStage, percent: number, etaSeconds: number | null): void;
}

const SIGNAL_EVERY_MS = 250;

/** Turns stage starts and within-stage fractions into overall percent, ETA and per-stage timings. */
export function trainingProgress(sink: ProgressSink, now: () => number = () => performance.now()) {
  const startedAt = now();
  const timings: Partial<Record<TrainerStage, number>> = {};
  let current: { stage: TrainerStage; since: number; base: number } | null = null;
  let lastSignal = Number.NEGATIVE_INFINITY;

  function closeStage() {
    if (current) timings[current.stage] = Math.round(now() - current.since);
  }

  function percentAt(stage: TrainerStage, fraction: number): number {
    const before = trainerStages.slice(0, trainerStages.indexOf(stage)).reduce((sum, s) => sum + weights[s], 0);
    return Math.round((before + weights[stage] * Math.min(1, Math.max(0, fraction))) * 10) / 10;
  }

  return {
    async stage(stage: TrainerStage): Promise<void> {
      closeStage();
      const base = percentAt(stage, 0);
      current = { stage, since: now(), base };
      await sink.stageStarted(stage, base);
      lastSignal = now();
      sink.progressed(stage, base, etaAt(base));
    },
    /** `fraction` of the current stage is done. */
    advance(fraction: number): void {
      if (!current) return;
      const time = now();
      if (time - lastSignal < SIGNAL_EVERY_MS && fraction < 1) return;
      lastSignal = time;
      const percent = percentAt(current.stage, fraction);
      sink.progressed(current.stage, percent, etaAt(percent));
    },
    /** Milliseconds per stage, and in all. */
    finish(): Record<string, number> {
      closeStage();
      current = null;
      return { ...timings, total: Math.round(now() - startedAt) };
    },
  };

  function etaAt(percent: number): number | null {
    if (percent < 1) return null;
    const elapsedSec = (now() - startedAt) / 1000;
    return Math.round((elapsedSec * (100 - percent)) / percent);
  }
}

export type TrainingProgress = ReturnType<typeof trainingProgress>;
