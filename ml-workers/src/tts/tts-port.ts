/**
 * TTS port: text in, speech samples out. Adapters: Chatterbox Multilingual
 * (zero-shot cloning from a voice sample), an external XTTS-style HTTP server,
 * a VITS/MMS model through transformers.js, and Debian's espeak-ng. The dub
 * worker only sees this interface; `selectTts` picks the adapter.
 */

export type TtsLanguage = 'ru' | 'en';
export const ttsLanguages: readonly TtsLanguage[] = ['ru', 'en'];

export type TtsEngine = 'chatterbox' | 'http' | 'vits' | 'espeak';

export interface SynthesisOptions {
  readonly language: TtsLanguage;
  /** The person's checked voice sample (any format ffmpeg reads); null or absent: a generic voice. */
  readonly reference?: string | null;
  readonly signal?: AbortSignal;
}

export interface SynthesizedSpeech {
  /** Mono PCM in [-1, 1]. */
  readonly samples: Float32Array;
  readonly sampleRate: number;
  /** 'cloned' only when the reference really conditioned the voice. */
  readonly voice: 'cloned' | 'generic';
  readonly model: string;
}

/** What readiness and the UI say about the voice in use. */
export interface TtsDescription {
  readonly engine: TtsEngine;
  /** Model name, server URL or program. */
  readonly model: string;
  /** True when a reference sample makes the voice the person's. */
  readonly clones: boolean;
  /** Whether Russian text must carry stress marks (U+0301) before synthesis. */
  readonly needsStress: boolean;
  /** The audio watermark the engine embeds, or null when it embeds none. */
  readonly watermark: string | null;
}

export interface TextToSpeech {
  describe(): TtsDescription;
  synthesize(text: string, options: SynthesisOptions): Promise<SynthesizedSpeech>;
}

/** A TTS that cannot work here (engine missing, server unreachable): the dub fails with this reason. */
export class TtsUnavailableError extends Error {
  override readonly name = 'TtsUnavailableError';
}
