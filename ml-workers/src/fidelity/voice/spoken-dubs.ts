import { type AudioTools, readAudio, type Transcript } from '../../audio/index.ts';
import { encodeDub, speakReply } from '../../dubbing/index.ts';
import type { TextToSpeech, TtsLanguage } from '../../tts/index.ts';
import { withBytesAsFile } from '../../workers/blob-files.ts';

/** One held-out reply spoken as a dub is, and heard back. */
export interface HeardDub {
  /** 16 kHz mono, as the speaker model takes it. */
  readonly samples: Float32Array;
  /** The ASR transcript, when an ASR is installed. */
  readonly transcript: string | null;
  readonly voice: 'cloned' | 'generic';
}

export interface SpeakOptions {
  readonly tts: TextToSpeech;
  readonly language: TtsLanguage;
  /** The voice sample to clone from; null: the generic voice (the baseline). */
  readonly reference: string | null;
  readonly espeakProgram: string;
  readonly transcribe: ((path: string) => Promise<Transcript>) | null;
  readonly audioTools?: AudioTools;
  readonly signal: AbortSignal;
}

// Dubs of single replies are seconds long; this bounds what one decode may hold.
const MAX_DUB_SEC = 120;

/**
 * Speaks `text` through the dub path (stress, TTS sentence by sentence, the
 * Ogg/Opus a user hears), then decodes that file back to 16 kHz and
 * transcribes it: the figures describe the dub as delivered.
 */
export async function speakAndHear(text: string, options: SpeakOptions): Promise<HeardDub> {
  const { tts, language, signal } = options;
  const tools = options.audioTools ? { tools: options.audioTools } : {};
  const spoken = await speakReply(tts, text, {
    language,
    reference: options.reference,
    espeakProgram: options.espeakProgram,
    signal,
  });
  const encoded = await encodeDub(
    spoken.samples,
    spoken.sampleRate,
    { voice: spoken.voice, model: spoken.model, watermark: tts.describe().watermark, language },
    { ...tools, signal },
  );
  return withBytesAsFile(encoded.bytes, async (path) => {
    const samples = await readAudio(path, MAX_DUB_SEC, { ...tools, signal });
    const transcript = options.transcribe ? await options.transcribe(path) : null;
    return {
      samples,
      transcript: transcript ? transcript.segments.map((segment) => segment.text).join(' ') : null,
      voice: spoken.voice,
    };
  });
}
