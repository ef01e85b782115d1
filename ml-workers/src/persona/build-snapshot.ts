import type { JsonObject, PersonaCard, StyleProfile } from '@bishop/domain';
import { buildLexicalIndex, lexicalLibrary } from './lexical-index.ts';
import type { PersonaPair, PersonaPassage } from './persona.ts';
import type { EmbedderModel } from './persona-embedder.ts';
import { type CorpusRef, type PersonaSnapshot, personaSnapshotFormat } from './persona-snapshot.ts';
import { encodeVectors, vectorMatrix } from './vectors.ts';

export interface SnapshotParts {
  readonly avatarId: string;
  readonly runId: string;
  readonly builtAt: string;
  readonly card: PersonaCard;
  readonly settings: JsonObject;
  readonly corpus: readonly CorpusRef[];
  readonly passages: readonly PersonaPassage[];
  readonly pairs: readonly PersonaPair[];
  readonly heldOutPairIds: readonly string[];
  /** Every pair hash held out by this version or an earlier one (see PersonaSnapshot). */
  readonly heldOutPairHashes?: readonly string[];
  readonly style: StyleProfile;
  /** Vectors aligned with `passages` and with the prompts of `pairs`; absent for a lexical-only version. */
  readonly dense?: {
    readonly embedder: EmbedderModel;
    readonly passages: readonly Float32Array[];
    readonly pairPrompts: readonly Float32Array[];
  };
  /** BM25 indexes built beforehand (`buildLexicalIndexes`); built here when absent. */
  readonly lexical?: PersonaSnapshot['lexical'];
}

/** Both BM25 indexes of a snapshot: passages, and the prompts of pairs that are not held out. */
export function buildLexicalIndexes(
  passages: readonly PersonaPassage[],
  pairs: readonly PersonaPair[],
  heldOutPairIds: readonly string[],
): PersonaSnapshot['lexical'] {
  const heldOut = new Set(heldOutPairIds);
  return {
    library: lexicalLibrary,
    passages: buildLexicalIndex(passages.map((passage) => passage.text)).toJSON(),
    pairPrompts: buildLexicalIndex(pairs.map((pair) => (heldOut.has(pair.id) ? null : pair.prompt))).toJSON(),
  };
}

/** Assembles a snapshot: builds both BM25 indexes and packs the vectors. */
export function buildPersonaSnapshot(parts: SnapshotParts): PersonaSnapshot {
  const heldOut = new Set(parts.heldOutPairIds);
  const { dense } = parts;
  const dims = dense?.passages[0]?.length ?? dense?.pairPrompts[0]?.length ?? 0;
  if (dense && (dense.passages.length !== parts.passages.length || dense.pairPrompts.length !== parts.pairs.length)) {
    throw new RangeError('Every passage and every pair needs exactly one vector');
  }
  return {
    format: personaSnapshotFormat,
    avatarId: parts.avatarId,
    runId: parts.runId,
    builtAt: parts.builtAt,
    card: parts.card,
    settings: parts.settings,
    corpus: parts.corpus,
    passages: parts.passages,
    pairs: parts.pairs,
    heldOutPairIds: [...heldOut].sort(),
    ...(parts.heldOutPairHashes ? { heldOutPairHashes: [...parts.heldOutPairHashes].sort() } : {}),
    embedder: dense && dims > 0 ? { ...dense.embedder, dims } : null,
    vectors:
      dense && dims > 0
        ? {
            passages: encodeVectors(vectorMatrix(dense.passages, dims)),
            pairPrompts: encodeVectors(vectorMatrix(dense.pairPrompts, dims)),
          }
        : null,
    lexical: parts.lexical ?? buildLexicalIndexes(parts.passages, parts.pairs, parts.heldOutPairIds),
    style: parts.style,
  };
}
