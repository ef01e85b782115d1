import { randomUUID } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { type AudioTools, readAudio, sampleRate } from '../audio/index.ts';
import { jobFilePath } from '../runtime/job-scratch.ts';
import type { SynthesizedSpeech, TextToSpeech } from './tts-port.ts';
import { TtsUnavailableError } from './tts-port.ts';

export interface HttpTtsConfig {
  /** The synthesis endpoint, e.g. `http://xtts:8020/tts` (BISHOP_TTS_HTTP_URL). */
  readonly url: string;
  /** Sent as `Authorization: Bearer …` when set (BISHOP_TTS_HTTP_API_KEY). */
  readonly apiKey?: string | undefined;
  /** Longest wait for one sentence (BISHOP_TTS_HTTP_TIMEOUT, seconds). */
  readonly timeoutSec: number;
}

/** Longest audio one answer may hold: a sentence never needs more. */
const MAX_SECONDS = 300;

/**
 * An external TTS server with the XTTS-style contract: `POST` multipart form
 * `text`, `language` and, to clone, the file `speaker_wav`; the answer is
 * the audio (WAV or anything ffmpeg reads). Servers that clone (XTTS, F5,
 * Chatterbox behind an API) speak in the sample's voice.
 */
export function createHttpTts(config: HttpTtsConfig, options: { audioTools?: AudioTools } = {}): TextToSpeech {
  const model = `http: ${new URL(config.url).origin}`;
  return {
    describe: () => ({ engine: 'http', model, clones: true, needsStress: false, watermark: null }),
    async synthesize(text, synthesis): Promise<SynthesizedSpeech> {
      const form = new FormData();
      form.append('text', text);
      form.append('language', synthesis.language);
      if (synthesis.reference) {
        const bytes = await readFile(synthesis.reference);
        form.append('speaker_wav', new Blob([bytes]), basename(synthesis.reference));
      }
      const timeout = AbortSignal.timeout(config.timeoutSec * 1000);
      const signal = synthesis.signal ? AbortSignal.any([synthesis.signal, timeout]) : timeout;
      const response = await fetch(config.url, {
        method: 'POST',
        body: form,
        signal,
        headers: config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {},
      }).catch((error: unknown) => {
        synthesis.signal?.throwIfAborted();
        const why = timeout.aborted ? `gave no answer within ${config.timeoutSec} s` : (error as Error).message;
        throw new TtsUnavailableError(`The speech server ${model} could not be reached: ${why}`, { cause: error });
      });
      const body = new Uint8Array(await response.arrayBuffer());
      const type = response.headers.get('content-type') ?? '';
      if (!response.ok || !/^audio\/|^application\/octet-stream/.test(type)) {
        const detail = new TextDecoder().decode(body.subarray(0, 300)).trim();
        throw new Error(`The speech server ${model} answered ${response.status} (${type || 'no type'}): ${detail}`);
      }
      const samples = await decodeAnswer(body, options.audioTools, synthesis.signal);
      return {
        samples,
        sampleRate,
        voice: synthesis.reference ? 'cloned' : 'generic',
        model: response.headers.get('x-tts-model') ?? model,
      };
    },
  };
}

async function decodeAnswer(body: Uint8Array, tools: AudioTools | undefined, signal: AbortSignal | undefined) {
  const path = await jobFilePath(randomUUID());
  try {
    await writeFile(path, body, { mode: 0o600 });
    return await readAudio(path, MAX_SECONDS, { ...(tools ? { tools } : {}), ...(signal ? { signal } : {}) });
  } finally {
    await rm(path, { force: true });
  }
}

/** Any HTTP answer (even 404) means the server is up; only no answer is a failure. */
export async function checkHttpTts(config: HttpTtsConfig): Promise<void> {
  await fetch(config.url, { method: 'HEAD', signal: AbortSignal.timeout(1500) }).catch((error: unknown) => {
    throw new Error(`the speech server at ${new URL(config.url).origin} does not answer (${(error as Error).message})`);
  });
}
