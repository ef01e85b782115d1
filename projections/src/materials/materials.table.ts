import type { ChatFacts, DecodedMedia, MaterialKind } from '@bishop/domain';
import type { Insertable, Selectable } from 'kysely';

export const materialStates = ['uploaded', 'extracting', 'ready', 'failed'] as const;
export type MaterialState = (typeof materialStates)[number];

/**
 * An avatar's materials. Extracted text and transcript segments stay in blobs
 * (`text_blob_key`, `segments_blob_key`): the gateway streams them from there.
 */
export interface MaterialsTable {
  material_id: string;
  avatar_id: string;
  owner_id: string;
  file_name: string | null;
  media_type: string;
  kind: MaterialKind;
  size_bytes: bigint;
  sha256: string;
  blob_key: string;
  /** Where extraction got to; a removed material keeps the state it had. */
  state: MaterialState;
  removed: boolean;
  failure_reason_code: string | null;
  failure_reason: string | null;
  text_blob_key: string | null;
  segments_blob_key: string | null;
  char_count: number | null;
  duration_sec: number | null;
  language: string | null;
  /** Who speaks in a chat export; null before extraction and for other kinds. */
  participants: string[] | null;
  /** Which participant of a chat export is the avatar's person. */
  chosen_participant: string | null;
  /** All the names chosen as the person (several: one person's addresses in a mailbox); the first is chosen_participant. */
  chosen_participants: string[] | null;
  preview: string | null;
  /** Chat exports: participants' message counts and times, the chat's date range. */
  chat_facts: ChatFacts | null;
  /** Recordings: duration, channels and sample rate as decoded, kept beside a failure too. */
  decoded_media: DecodedMedia | null;
  /** What the user should know about the extraction; null before it (and once erased). */
  notes: string[] | null;
  /** Recordings: the voice sample the segments (`segments_blob_key`) were last tagged against, or tried to be. */
  speaker_sample_id: string | null;
  /** The speaker model's threshold those verdicts used (cosine, -1..1). */
  speaker_threshold: number | null;
  person_speech_sec: number | null;
  other_speech_sec: number | null;
  /** Set when tagging against `speaker_sample_id` failed. */
  speaker_failure_code: string | null;
  speaker_failure_reason: string | null;
  /** `$all` position of MaterialUploaded: the stable order of an avatar's materials. */
  uploaded_position: bigint;
  uploaded_at: Date;
  updated_at: Date;
  removed_at: Date | null;
  erased_fields: string[];
  last_position: bigint;
}

export type MaterialRow = Selectable<MaterialsTable>;
export type NewMaterialRow = Insertable<MaterialsTable>;
