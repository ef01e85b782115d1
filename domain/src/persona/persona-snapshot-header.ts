import type { MaterialKind, PersonaCard } from '../avatar/avatar.values.ts';
import type { JsonObject } from '../kernel/json.ts';
import type { StyleProfile } from './style-profile.ts';

/** Bump on any change readers must know about; readers refuse formats they do not know. */
export const personaSnapshotFormat = 'bishop.persona/1';

/** A material the version was built from, as it was at training time. */
export interface CorpusRef {
  readonly materialId: string;
  readonly fileName: string;
  readonly kind: MaterialKind;
  /** SHA-256 of the uploaded original. */
  readonly sha256: string;
  /** Chat exports: whose words are the person's. */
  readonly participant: string | null;
  readonly passages: number;
  readonly pairs: number;
}

/**
 * What any reader of a persona snapshot (training writes it; replies, tests and the
 * API's time-travel view read it) may rely on; the retrieval data is training's own.
 */
export interface PersonaSnapshotHeader {
  readonly format: typeof personaSnapshotFormat;
  readonly avatarId: string;
  readonly runId: string;
  /** When the run started (ISO 8601): a rerun of the same run writes the same bytes. */
  readonly builtAt: string;
  readonly card: PersonaCard;
  /** The run's settings with defaults filled in. */
  readonly settings: JsonObject;
  readonly corpus: readonly CorpusRef[];
  readonly heldOutPairIds: readonly string[];
  /** The sentence encoder of the version's vectors; null when it is lexical only. */
  readonly embedder: { readonly name: string } | null;
  /** Stylometrics of the person's words. */
  readonly style: StyleProfile;
}
