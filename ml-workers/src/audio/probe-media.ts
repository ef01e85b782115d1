import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileTypeFromFile } from 'file-type';
import { AudioInputError } from './audio-input-error.ts';
import { type AudioTools, audioTools } from './audio-tools.ts';
import { audioErrorFromFfmpeg } from './ffmpeg-errors.ts';
import { runTool, withSignal } from './run-tool.ts';

export interface MediaInfo {
  /** From the content, never the file name, e.g. `audio/ogg; codecs=opus`, `video/mp4`. */
  readonly mimeType: string;
  /** Undefined when the container does not say (some streamed formats). */
  readonly durationSec: number | undefined;
  readonly audioCodec: string;
  /** The audio track's channel count and sample rate as stored (decoding then mixes to 16 kHz mono). */
  readonly channels: number | undefined;
  readonly sampleRate: number | undefined;
  readonly hasVideo: boolean;
}

export interface ProbeOptions {
  readonly tools?: AudioTools;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

interface FfprobeStream {
  readonly codec_type?: string;
  readonly codec_name?: string;
  readonly duration?: string;
  readonly channels?: number;
  readonly sample_rate?: string;
  readonly disposition?: { readonly attached_pic?: number };
}

/**
 * Checks that a file is audio or video with an audio track and reads its
 * duration. The content is sniffed first (never trust the extension), then
 * ffprobe reads the streams.
 */
export async function probeMedia(file: string, options: ProbeOptions = {}): Promise<MediaInfo> {
  const path = resolve(file);
  const size = await stat(path).then(
    (s) => s.size,
    () => undefined,
  );
  if (size === undefined) throw new AudioInputError('not-found', 'The file does not exist.');
  if (size === 0) throw new AudioInputError('not-media', 'The file is empty.');
  const sniffed = await fileTypeFromFile(path);
  if (!sniffed || !/^(audio|video)\/|^application\/ogg/.test(sniffed.mime)) {
    const looksLike = sniffed ? ` (its content is ${sniffed.mime})` : '';
    throw new AudioInputError('not-media', `The file is not audio or video${looksLike}.`);
  }
  const tools = options.tools ?? audioTools();
  const probe = await runTool(
    tools.ffprobe,
    ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', path],
    { timeoutMs: options.timeoutMs ?? 30_000, ...withSignal(options.signal) },
  );
  if (probe.exitCode !== 0) throw audioErrorFromFfmpeg(probe.stderr, path);
  const { streams = [], format = {} } = JSON.parse(probe.stdout) as {
    streams?: FfprobeStream[];
    format?: { duration?: string };
  };
  const audio = streams.find((s) => s.codec_type === 'audio');
  if (!audio) {
    throw new AudioInputError(
      'no-audio-track',
      sniffed.mime.startsWith('video/') ? 'The video has no audio track.' : 'The file has no audio track.',
    );
  }
  // The audio track's own length when known: a video's picture may run longer than its sound.
  const duration = Number.parseFloat(audio.duration ?? format.duration ?? '');
  return {
    mimeType: sniffed.mime,
    durationSec: Number.isFinite(duration) ? duration : undefined,
    audioCodec: audio.codec_name ?? 'unknown',
    channels: positiveInteger(audio.channels),
    sampleRate: positiveInteger(Number.parseInt(audio.sample_rate ?? '', 10)),
    // Cover art in an MP3 or M4A is a "video" stream too, but not a video.
    hasVideo: streams.some((s) => s.codec_type === 'video' && !s.disposition?.attached_pic),
  };
}

function positiveInteger(value: number | undefined): number | undefined {
  return Number.isSafeInteger(value) && (value ?? 0) > 0 ? value : undefined;
}
