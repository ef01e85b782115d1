import type { TtsEngine, TtsLanguage } from './tts-port.ts';

/** Preference order when the operator says nothing: the person's voice first, a robot voice last. */
export const defaultTtsEngines: readonly TtsEngine[] = ['chatterbox', 'http', 'vits', 'espeak'];

/** Which engines can speak a language on this server right now. */
export type TtsAvailability = Readonly<Record<TtsEngine, boolean>>;

/**
 * The first engine the operator allows (BISHOP_TTS_ENGINES, in order) that is
 * available: cloning model installed, HTTP server configured, VITS model for
 * the language installed, espeak-ng installed. Null: nothing can speak.
 */
export function chooseTtsEngine(allowed: readonly TtsEngine[], available: TtsAvailability): TtsEngine | null {
  return allowed.find((engine) => available[engine]) ?? null;
}

/** Why no engine can speak, in words a user can act on (through their administrator). */
export function noTtsReason(allowed: readonly TtsEngine[], language: TtsLanguage): string {
  if (allowed.length === 0) return 'Speech synthesis is turned off on this server (BISHOP_TTS_ENGINES=none)';
  const what = language === 'ru' ? 'Russian' : 'English';
  return `No speech synthesis for ${what} is installed on this server (tried ${allowed.join(', ')}); ask its administrator to install a voice model or espeak-ng`;
}
