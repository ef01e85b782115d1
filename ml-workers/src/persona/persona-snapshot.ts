import { type PersonaSnapshotHeader, personaSnapshotFormat } from '@bishop/domain';
import type { LexicalIndexData } from './lexical-index.ts';
import type { PersonaPair, PersonaPassage } from './persona.ts';
import type { EmbedderModel } from './persona-embedder.ts';

export { type CorpusRef, personaSnapshotFormat } from '@bishop/domain';

/**
 * One immutable persona version, stored as UTF-8 JSON under
 * `personaSnapshotBlobKey(avatarId, sha256 of these bytes)`. Everything that
 * answers for the person reads this and never re-derives it.
 */
export interface PersonaSnapshot extends PersonaSnapshotHeader {
  /** Deduplicated by content: an id appears once. */
  readonly passages: readonly PersonaPassage[];
  /** Every mined pair, held-out ones included (they are never retrieved). */
  readonly pairs: readonly PersonaPair[];
  /**
   * Content hashes of every pair this version or an earlier one of the avatar held out, pairs no longer
   * in the corpus included: the next run keeps them held out. Absent in snapshots written before it existed.
   */
  readonly heldOutPairHashes?: readonly string[];
  /** The sentence encoder of `vectors`; null when the version is lexical only. */
  readonly embedder: (EmbedderModel & { readonly dims: number }) | null;
  /** Base64 little-endian Float32 rows, unit length, aligned with `passages` and `pairs` (their prompts). */
  readonly vectors: { readonly passages: string; readonly pairPrompts: string } | null;
  /** BM25 indexes; document ids are positions in `passages` / `pairs` (held-out pairs are not indexed). */
  readonly lexical: {
    readonly library: string;
    readonly passages: LexicalIndexData;
    readonly pairPrompts: LexicalIndexData;
  };
}

export class PersonaSnapshotError extends Error {
  override readonly name = 'PersonaSnapshotError';
}

export function encodePersonaSnapshot(snapshot: PersonaSnapshot): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(snapshot));
}

/** Parses and checks the shape readers rely on; a clear error names what is wrong. */
export function decodePersonaSnapshot(bytes: Uint8Array): PersonaSnapshot {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new PersonaSnapshotError(`The persona snapshot is not valid UTF-8 JSON: ${(error as Error).message}`);
  }
  const snapshot = value as Partial<PersonaSnapshot> | null;
  if (typeof snapshot !== 'object' || snapshot === null)
    throw new PersonaSnapshotError('The persona snapshot is not an object');
  if (snapshot.format !== personaSnapshotFormat) {
    throw new PersonaSnapshotError(
      `Unknown persona snapshot format ${JSON.stringify(snapshot.format)}; this version reads ${personaSnapshotFormat}`,
    );
  }
  for (const field of ['corpus', 'passages', 'pairs', 'heldOutPairIds'] as const) {
    if (!Array.isArray(snapshot[field])) throw new PersonaSnapshotError(`The persona snapshot has no ${field} list`);
  }
  if (typeof snapshot.lexical !== 'object' || snapshot.lexical === null) {
    throw new PersonaSnapshotError('The persona snapshot has no lexical index');
  }
  if ((snapshot.embedder === null) !== (snapshot.vectors === null)) {
    throw new PersonaSnapshotError('The persona snapshot has vectors without their embedder, or the reverse');
  }
  return snapshot as PersonaSnapshot;
}

/** The pair hashes a snapshot held out: its carried-forward list, or (older snapshots) those of its held-out pairs. */
export function heldOutPairHashesOf(snapshot: PersonaSnapshot): ReadonlySet<string> {
  if (Array.isArray(snapshot.heldOutPairHashes)) return new Set(snapshot.heldOutPairHashes);
  // A pair id is `${materialId}:${pair content hash}`.
  return new Set(snapshot.heldOutPairIds.map((id) => id.slice(id.lastIndexOf(':') + 1)));
}
