import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { type AudioTools, audioTools } from '../audio/index.ts';
import { runTool, withSignal } from '../audio/run-tool.ts';
import { jobFilePath } from '../runtime/job-scratch.ts';

export interface DubMetadata {
  readonly voice: 'cloned' | 'generic';
  readonly model: string;
  /** The engine's audio watermark, when it embeds one. */
  readonly watermark: string | null;
  readonly language: string;
}

export interface EncodedDub {
  readonly bytes: Uint8Array;
  readonly contentType: 'audio/ogg; codecs=opus';
  readonly durationSec: number;
}

export const SYNTHETIC_NOTICE = 'AI-generated synthetic speech (Bishop); not a recording of a real person';

/** The tags every dub carries, so any player or tool that reads metadata sees that the speech is synthetic. */
export function syntheticSpeechTags(metadata: DubMetadata): Record<string, string> {
  const who =
    metadata.voice === 'cloned' ? "a voice cloned, with consent, from the person's sample" : 'a generic voice';
  // Vorbis comments have no separate description: ffmpeg writes `description` into `comment`, so one tag says it all.
  return {
    comment: `${SYNTHETIC_NOTICE}. Spoken by ${who}; model ${metadata.model}.`,
    AI_GENERATED: 'true',
    SYNTHETIC_SPEECH: 'true',
    BISHOP_VOICE: metadata.voice,
    BISHOP_TTS_MODEL: metadata.model,
    BISHOP_WATERMARK: metadata.watermark ?? 'none',
    language: metadata.language,
    encoded_by: 'Bishop',
  };
}

/** Opus codes these rates natively; the first one at or above the source needs no resampling up. */
const OPUS_RATES = [8000, 12000, 16000, 24000, 48000];

/**
 * Encodes mono float PCM to Ogg/Opus (speech-tuned, 32 kb/s, at the source's
 * rate when Opus has it) with the synthetic-speech tags, through ffmpeg.
 */
export async function encodeDub(
  samples: Float32Array,
  sampleRate: number,
  metadata: DubMetadata,
  options: { tools?: AudioTools; signal?: AbortSignal } = {},
): Promise<EncodedDub> {
  if (samples.length === 0) throw new RangeError('There is no audio to encode');
  const tools = options.tools ?? audioTools();
  const output = await jobFilePath(`${randomUUID()}.ogg`);
  const tags = Object.entries(syntheticSpeechTags(metadata)).flatMap(([key, value]) => [
    '-metadata',
    `${key}=${value}`,
  ]);
  const args = ['-nostdin', '-hide_banner', '-loglevel', 'error', '-y'];
  args.push('-f', 'f32le', '-ar', String(sampleRate), '-ac', '1', '-i', 'pipe:0');
  const opusRate = OPUS_RATES.find((rate) => rate >= sampleRate) ?? 48000;
  args.push(
    '-ar',
    String(opusRate),
    '-c:a',
    'libopus',
    '-b:a',
    '32k',
    '-application',
    'voip',
    ...tags,
    '-f',
    'ogg',
    output,
  );
  try {
    const pcm = new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength);
    const result = await runTool(tools.ffmpeg, args, { input: pcm, timeoutMs: 120_000, ...withSignal(options.signal) });
    if (result.exitCode !== 0)
      throw new Error(`ffmpeg could not encode the dub: ${result.stderr.trim().slice(0, 500)}`);
    return {
      bytes: await readFile(output),
      contentType: 'audio/ogg; codecs=opus',
      durationSec: samples.length / sampleRate,
    };
  } finally {
    await rm(output, { force: true });
  }
}
