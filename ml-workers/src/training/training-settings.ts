import type { JsonObject } from '@bishop/domain';
import { PermanentJobError } from '../runtime/index.ts';

/** What a run may tune (StartTraining `settings`); every field has a default. */
// A type, not an interface, so that settings are plain JSON to the compiler too.
export type TrainingSettings = {
  /** Share of dialogue pairs kept out of training for the avatar test. */
  readonly holdOutShare: number;
  /** Texts per call of the sentence encoder: larger is faster, smaller reports progress (and notices a stop) sooner. */
  readonly embeddingBatchSize: number;
  /** A passage grows to about this many characters and never past `maxPassageChars`. */
  readonly targetPassageChars: number;
  readonly maxPassageChars: number;
  /** Shorter passages carry no knowledge ("ok", "ага") and are left out of retrieval (not of the style profile). */
  readonly minPassageWords: number;
  /** A longer silence in a chat starts a new conversation, so it pairs no message with a reply. */
  readonly maxReplyGapHours: number;
};

export const defaultTrainingSettings: TrainingSettings = {
  holdOutShare: 0.1,
  embeddingBatchSize: 16,
  targetPassageChars: 500,
  maxPassageChars: 1000,
  minPassageWords: 3,
  maxReplyGapHours: 6,
};

const ranges: Record<keyof TrainingSettings, { min: number; max: number; integer: boolean }> = {
  holdOutShare: { min: 0, max: 0.5, integer: false },
  embeddingBatchSize: { min: 1, max: 256, integer: true },
  targetPassageChars: { min: 50, max: 4000, integer: true },
  maxPassageChars: { min: 100, max: 8000, integer: true },
  minPassageWords: { min: 1, max: 50, integer: true },
  maxReplyGapHours: { min: 0.1, max: 720, integer: false },
};

/** The run's settings with defaults filled in; an unknown or out-of-range setting fails the run with a clear reason. */
export function trainingSettingsOf(raw: JsonObject): TrainingSettings {
  const problems: string[] = [];
  const settings: Record<string, number> = { ...defaultTrainingSettings };
  for (const [name, value] of Object.entries(raw)) {
    const range = ranges[name as keyof TrainingSettings];
    if (!range) {
      problems.push(`"${name}" is not a training setting (known: ${Object.keys(ranges).join(', ')})`);
      continue;
    }
    const fits =
      typeof value === 'number' &&
      value >= range.min &&
      value <= range.max &&
      (!range.integer || Number.isInteger(value));
    if (!fits) {
      const kind = range.integer ? 'a whole number' : 'a number';
      problems.push(`"${name}" must be ${kind} from ${range.min} to ${range.max} (got ${JSON.stringify(value)})`);
      continue;
    }
    settings[name] = value;
  }
  if ((settings.targetPassageChars ?? 0) > (settings.maxPassageChars ?? 0)) {
    problems.push('"targetPassageChars" must not be larger than "maxPassageChars"');
  }
  if (problems.length > 0) {
    throw new PermanentJobError({
      reasonCode: 'INVALID_SETTINGS',
      reason: `The training settings are not valid: ${problems.join('; ')}`,
    });
  }
  return settings as TrainingSettings;
}
