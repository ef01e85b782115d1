export {
  type ApproximateIndexSettings,
  approximateNearest,
  defaultApproximateIndexSettings,
  type NearestSearch,
} from './approximate-nearest.ts';
export { approximateNearestInBackground, type BackgroundNearest } from './approximate-nearest-background.ts';
export { buildLexicalIndexes, buildPersonaSnapshot, type SnapshotParts } from './build-snapshot.ts';
export { buildLexicalIndex, type LexicalIndexData, lexicalLibrary, searchLexical } from './lexical-index.ts';
export {
  APPROXIMATE_FROM,
  type OpenedPersona,
  type OpenPersonaOptions,
  openPersona,
  personaFromSnapshot,
  retrievalDepth,
} from './open-persona.ts';
export {
  type FullySupportedLanguage,
  fullySupportedLanguages,
  isFullySupported,
  languageName,
  personLanguageOf,
  unsupportedLanguageNote,
} from './person-language.ts';
export type { PersonaPair, PersonaPassage, PersonaRetriever, Retrieved } from './persona.ts';
export {
  type EmbedderModel,
  loadPersonaEmbedder,
  type PersonaEmbedder,
  personaEmbedderFrom,
} from './persona-embedder.ts';
export {
  type CorpusRef,
  decodePersonaSnapshot,
  encodePersonaSnapshot,
  heldOutPairHashesOf,
  type PersonaSnapshot,
  PersonaSnapshotError,
  personaSnapshotFormat,
} from './persona-snapshot.ts';
export { fuseRanks, RRF_K } from './rank-fusion.ts';
export { readPersonaSnapshot, writePersonaSnapshot } from './snapshot-store.ts';
export { decodeVectors, encodeVectors, nearestRows, type VectorMatrix, vectorMatrix } from './vectors.ts';
