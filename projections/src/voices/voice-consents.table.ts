import type { ConsentBasis } from '@bishop/domain';
import type { Insertable, Selectable } from 'kysely';

/** The recorded consent to clone an avatar's voice: who, on what basis, when, and who recorded it. */
export interface VoiceConsentsTable {
  avatar_id: string;
  owner_id: string;
  basis: ConsentBasis;
  person_name: string | null;
  /** `YYYY-MM-DD`, as the user stated it. */
  given_on: string;
  statement: string | null;
  recorded_at: Date;
  /** Actor id (`user:<id>`) of whoever recorded the consent. */
  recorded_by: string;
  /** When the consent was withdrawn; null while it stands (a new consent clears it). */
  withdrawn_at: Date | null;
  /** Position of the latest withdrawal, kept across new consents: cloned dubs before it were made under a withdrawn consent. */
  last_withdrawal_position: bigint | null;
  erased_fields: string[];
  last_position: bigint;
}

export type VoiceConsentRow = Selectable<VoiceConsentsTable>;
export type NewVoiceConsentRow = Insertable<VoiceConsentsTable>;
