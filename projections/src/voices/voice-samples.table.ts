import type { JsonObject } from '@bishop/domain';
import type { Insertable, Selectable } from 'kysely';

export const voiceSampleStates = ['submitted', 'ready', 'rejected'] as const;
export type VoiceSampleState = (typeof voiceSampleStates)[number];

/**
 * Every voice sample submitted for an avatar. The avatar's latest sample is the
 * one with the highest `submitted_position`; the one dubs are cloned from (the
 * last accepted) has the highest `accepted_position`.
 */
export interface VoiceSamplesTable {
  sample_id: string;
  avatar_id: string;
  owner_id: string;
  state: VoiceSampleState;
  blob_key: string;
  /** `{kind: 'upload', fileName}` or `{kind: 'material', materialId, startSec, endSec}`. */
  source: JsonObject | null;
  duration_sec: number | null;
  loudness_lufs: number | null;
  speaker_consistency: number | null;
  reason_code: string | null;
  reason: string | null;
  submitted_position: bigint;
  submitted_at: Date;
  accepted_position: bigint | null;
  updated_at: Date;
  erased_fields: string[];
  last_position: bigint;
}

export type VoiceSampleRow = Selectable<VoiceSamplesTable>;
export type NewVoiceSampleRow = Insertable<VoiceSamplesTable>;
