export { type AuthorshipClassifier, type AuthorshipOptions, trainAuthorship } from './authorship.ts';
export type { Counted } from './characteristic-phrases.ts';
export type { Distribution } from './distribution.ts';
export type { Formality } from './formality.ts';
export type { LanguageMix } from './language-mix.ts';
export { type CorpusRef, type PersonaSnapshotHeader, personaSnapshotFormat } from './persona-snapshot-header.ts';
export { styleDistance } from './style-distance.ts';
export { type StyleProfile, styleProfileOf } from './style-profile.ts';
