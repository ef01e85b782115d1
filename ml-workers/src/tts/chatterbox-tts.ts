import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InterruptableStoppingCriteria, Tensor } from '@huggingface/transformers';
import { audioErrorFromFfmpeg } from '../audio/ffmpeg-errors.ts';
import { type AudioTools, audioTools } from '../audio/index.ts';
import { runTool, withSignal } from '../audio/run-tool.ts';
import { loadVoiceCloner, type ModelSettings } from '../models/index.ts';
import { jobFilePath } from '../runtime/job-scratch.ts';
import { chatterboxText } from './chatterbox-text.ts';
import type { SynthesizedSpeech, TextToSpeech } from './tts-port.ts';

/** S3Gen speaks, and its speech encoder listens, at 24 kHz. */
export const CHATTERBOX_SAMPLE_RATE = 24_000;
/** Upstream conditions on the first 10 s of the reference (DEC_COND_LEN); more only costs time. */
const REFERENCE_SECONDS = 10;
/** Speech tokens run at 25 per second: 1000 is 40 s, more than any sentence the pipeline sends. */
const MAX_SPEECH_TOKENS = 1000;
/** Upstream's default emotion exaggeration (0.5 = neutral). */
const EXAGGERATION = 0.5;

/**
 * Chatterbox Multilingual (ResembleAI, MIT) through transformers.js'
 * ChatterboxModel over the onnx-community export: the speech encoder turns
 * the reference into conditioning, the Llama backbone generates speech
 * tokens, the conditional decoder renders 24 kHz audio. Zero-shot: the
 * person's voice sample is the reference; without one it speaks the export's
 * default voice (generic). The ONNX export has no Perth watermark (upstream
 * adds it in Python), so none is claimed.
 */
export function createChatterboxTts(models: ModelSettings, options: { audioTools?: AudioTools } = {}): TextToSpeech {
  const name = models.choices['tts-clone'].name;
  const tools = options.audioTools ?? audioTools();
  return {
    describe: () => ({ engine: 'chatterbox', model: name, clones: true, needsStress: true, watermark: null }),
    async synthesize(text, synthesis): Promise<SynthesizedSpeech> {
      const cloner = await loadVoiceCloner(models);
      const reference = await readReference(synthesis.reference ?? cloner.defaultVoicePath, tools, synthesis.signal);
      const inputs = cloner.tokenizer(chatterboxText(text, synthesis.language));
      const stop = new InterruptableStoppingCriteria();
      const interrupt = () => stop.interrupt();
      synthesis.signal?.addEventListener('abort', interrupt, { once: true });
      try {
        const waveform = await cloner.model.generate({
          ...inputs,
          audio_values: new Tensor('float32', reference, [1, reference.length]),
          exaggeration: EXAGGERATION,
          max_new_tokens: MAX_SPEECH_TOKENS,
          stopping_criteria: [stop],
        } as Parameters<typeof cloner.model.generate>[0]);
        if (!(waveform instanceof Tensor)) throw new Error('Chatterbox returned no waveform');
        synthesis.signal?.throwIfAborted();
        return {
          samples: Float32Array.from(waveform.data as Float32Array),
          sampleRate: CHATTERBOX_SAMPLE_RATE,
          voice: synthesis.reference ? 'cloned' : 'generic',
          model: name,
        };
      } finally {
        synthesis.signal?.removeEventListener('abort', interrupt);
      }
    },
  };
}

/** The reference's first seconds as 24 kHz mono float PCM (ffmpeg decodes any format, resamples). */
async function readReference(path: string, tools: AudioTools, signal?: AbortSignal): Promise<Float32Array> {
  const output = await jobFilePath(`${randomUUID()}.f32`);
  const args = ['-nostdin', '-hide_banner', '-loglevel', 'error', '-y', '-t', String(REFERENCE_SECONDS)];
  args.push('-i', resolve(path), '-map', '0:a:0', '-ac', '1', '-ar', String(CHATTERBOX_SAMPLE_RATE), '-f', 'f32le');
  try {
    const result = await runTool(tools.ffmpeg, [...args, output], { timeoutMs: 60_000, ...withSignal(signal) });
    if (result.exitCode !== 0) throw audioErrorFromFfmpeg(result.stderr, resolve(path));
    const bytes = await readFile(output);
    return new Float32Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.byteLength / 4)).slice();
  } finally {
    await rm(output, { force: true });
  }
}
