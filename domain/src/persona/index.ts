export type { Counted } from './characteristic-phrases.ts';
export type { Distribution } from './distribution.ts';
export type { Formality } from './formality.ts';
export type { LanguageMix } from './language-mix.ts';
export { type StyleProfile, styleProfileOf } from './style-profile.ts';
