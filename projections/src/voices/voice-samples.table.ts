import type { DubVoice, JsonObject } from '@bishop/domain';
import type { Insertable, Selectable } from 'kysely';

export const voiceSampleStates = ['submitted', 'ready', 'rejected'] as const;
export type VoiceSampleState = (typeof voiceSampleStates)[number];

/**
 * Every voice sample submitted for an avatar. The one dubs are cloned from (the
 * one the user chose, or the last accepted that was submitted to replace it)
 * has the highest `activated_position`.
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
  /** Submitted to replace the sample in use once it passes the check. */
  replaces_active: boolean;
  /** When it last became the sample in use. */
  activated_position: bigint | null;
  /** The latest preview of this sample's voice (any text, spoken through the dub path). */
  preview_id: string | null;
  preview_text: string | null;
  preview_state: 'requested' | 'ready' | 'failed' | null;
  preview_blob_key: string | null;
  preview_duration_sec: number | null;
  preview_voice: DubVoice | null;
  preview_reason_code: string | null;
  preview_reason: string | null;
  preview_requested_at: Date | null;
  updated_at: Date;
  erased_fields: string[];
  last_position: bigint;
}

export type VoiceSampleRow = Selectable<VoiceSamplesTable>;
export type NewVoiceSampleRow = Insertable<VoiceSamplesTable>;
