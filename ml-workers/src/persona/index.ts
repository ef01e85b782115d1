export { buildLexicalIndexes, buildPersonaSnapshot, type SnapshotParts } from './build-snapshot.ts';
export { buildLexicalIndex, type LexicalIndexData, lexicalLibrary } from './lexical-index.ts';
export { type OpenedPersona, type OpenPersonaOptions, openPersona, personaFromSnapshot } from './open-persona.ts';
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
  type PersonaSnapshot,
  PersonaSnapshotError,
  personaSnapshotFormat,
} from './persona-snapshot.ts';
export { fuseRanks, RRF_K } from './rank-fusion.ts';
export { readPersonaSnapshot, writePersonaSnapshot } from './snapshot-store.ts';
export { decodeVectors, encodeVectors, type VectorMatrix, vectorMatrix } from './vectors.ts';
