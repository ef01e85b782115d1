/** Closed vocabularies of the avatar stream, as const arrays so validation and types share one source. */
export const materialKinds = ['text', 'audio', 'video', 'chatExport'] as const;
export type MaterialKind = (typeof materialKinds)[number];

export const genders = ['female', 'male', 'other'] as const;
export type Gender = (typeof genders)[number];

export const consentBases = ['self', 'personConsented'] as const;
export type ConsentBasis = (typeof consentBases)[number];

/** In the order a run goes through them: progress only moves forward along this list. */
export const trainingStages = [
  'collecting',
  'cleaning',
  'pairing',
  'embedding',
  'indexing',
  'profiling',
  'snapshotting',
  'testing',
] as const;
export type TrainingStage = (typeof trainingStages)[number];

export type PersonaCard = {
  description: string | null;
  personality: string | null;
  scenario: string | null;
  instructions: string | null;
  gender: Gender | null;
  languages: string[];
};

export type VoiceSampleSource =
  | { kind: 'upload'; fileName: string }
  | { kind: 'material'; materialId: string; startSec: number; endSec: number };
