import type { Insertable, Selectable } from 'kysely';

/** API tokens of integrators. When a token was last used is the auth layer's business, not an event's. */
export interface ApiTokensTable {
  token_id: string;
  owner_id: string;
  name: string | null;
  /** Hash of the secret (the secret itself is never stored); authentication looks tokens up by it. */
  token_hash: string | null;
  issued_at: Date;
  revoked_at: Date | null;
  erased_fields: string[];
  last_position: bigint;
}

export type ApiTokenRow = Selectable<ApiTokensTable>;
export type NewApiTokenRow = Insertable<ApiTokensTable>;
