import { placeRussianStress } from '../tts/russian-stress.ts';
import type { SynthesizedSpeech, TextToSpeech, TtsLanguage } from '../tts/tts-port.ts';
import { splitSentences } from './sentences.ts';

export interface SpokenSentence {
  readonly index: number;
  readonly count: number;
  readonly text: string;
  readonly speech: SynthesizedSpeech;
}

export interface SpeakOptions {
  readonly language: TtsLanguage;
  readonly reference: string | null;
  /** espeak-ng, whose Russian dictionary places stress for models that need it. */
  readonly espeakProgram: string;
  readonly signal?: AbortSignal;
  /** Called as each sentence is ready, in order, so playback (or a heartbeat) can start before the end. */
  readonly onSentence?: (sentence: SpokenSentence) => void | Promise<void>;
}

export interface SpokenReply {
  readonly samples: Float32Array;
  readonly sampleRate: number;
  readonly voice: 'cloned' | 'generic';
  readonly model: string;
  readonly sentences: number;
}

/** Silence between sentences, as a reader pauses at a full stop. */
const PAUSE_SEC = 0.25;

/**
 * Speaks a reply sentence by sentence, in order: stress marks first where the
 * engine needs them (Russian), then one synthesis call per sentence, then one
 * track with short pauses between sentences.
 */
export async function speakReply(tts: TextToSpeech, text: string, options: SpeakOptions): Promise<SpokenReply> {
  const sentences = splitSentences(text, options.language);
  if (sentences.length === 0) throw new RangeError('The reply has no words to speak');
  const { needsStress } = tts.describe();
  const pieces: SynthesizedSpeech[] = [];
  for (const [index, sentence] of sentences.entries()) {
    options.signal?.throwIfAborted();
    const prepared =
      needsStress && options.language === 'ru'
        ? await placeRussianStress(sentence, { program: options.espeakProgram, ...signalOf(options) })
        : sentence;
    const speech = await tts.synthesize(prepared, {
      language: options.language,
      reference: options.reference,
      ...signalOf(options),
    });
    const first = pieces[0];
    if (first && speech.sampleRate !== first.sampleRate) {
      throw new Error(`The voice changed sample rate mid-reply (${first.sampleRate} → ${speech.sampleRate} Hz)`);
    }
    pieces.push(speech);
    await options.onSentence?.({ index, count: sentences.length, text: sentence, speech });
  }
  const [first] = pieces as [SynthesizedSpeech, ...SynthesizedSpeech[]];
  return {
    samples: joinWithPauses(
      pieces.map((p) => p.samples),
      Math.round(PAUSE_SEC * first.sampleRate),
    ),
    sampleRate: first.sampleRate,
    voice: pieces.every((p) => p.voice === 'cloned') ? 'cloned' : 'generic',
    model: first.model,
    sentences: pieces.length,
  };
}

function joinWithPauses(parts: readonly Float32Array[], pause: number): Float32Array {
  const length = parts.reduce((sum, part) => sum + part.length, 0) + pause * Math.max(0, parts.length - 1);
  const all = new Float32Array(length);
  let offset = 0;
  for (const [i, part] of parts.entries()) {
    if (i > 0) offset += pause;
    all.set(part, offset);
    offset += part.length;
  }
  return all;
}

function signalOf(options: { signal?: AbortSignal }): { signal?: AbortSignal } {
  return options.signal ? { signal: options.signal } : {};
}
