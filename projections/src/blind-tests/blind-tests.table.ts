import type { Insertable, Selectable } from 'kysely';

/** An owner's invite links to the blind test (the token itself is never stored, only its hash). */
export interface BlindTestInvitesTable {
  invite_id: string;
  avatar_id: string;
  owner_id: string;
  /** sha256 of the token, hex: how a guest's link finds its invite. */
  token_hash: string;
  expires_at: Date;
  revoked_at: Date | null;
  created_at: Date;
  /** Guesses made through this invite. */
  guesses: number;
  last_position: bigint;
}

/** Guesses on one persona version of an avatar, by the owner and every guest. */
export interface BlindTestScoresTable {
  /** `<avatar id>:<persona version>`: one key column, as every kept-in-place table has. */
  score_id: string;
  avatar_id: string;
  owner_id: string;
  persona_version: number;
  guesses: number;
  /** Guesses that picked the person's real reply. */
  correct: number;
  updated_at: Date;
  last_position: bigint;
}

export type BlindTestInviteRow = Selectable<BlindTestInvitesTable>;
export type NewBlindTestInviteRow = Insertable<BlindTestInvitesTable>;
export type BlindTestScoreRow = Selectable<BlindTestScoresTable>;
