import { basename, dirname, isAbsolute, join } from 'node:path';

/** 16 kHz mono: what Silero VAD, Whisper and the speaker models all take. */
export const sampleRate = 16_000;

/** The external programs the audio pipeline runs. */
export interface AudioTools {
  readonly ffmpeg: string;
  readonly ffprobe: string;
}

/** BISHOP_FFMPEG (default `ffmpeg` on PATH); ffprobe is BISHOP_FFPROBE, else the ffprobe next to that ffmpeg. */
export function audioTools(env: NodeJS.ProcessEnv = process.env): AudioTools {
  const ffmpeg = env.BISHOP_FFMPEG || 'ffmpeg';
  const sibling = isAbsolute(ffmpeg) ? join(dirname(ffmpeg), basename(ffmpeg).replace('ffmpeg', 'ffprobe')) : 'ffprobe';
  return { ffmpeg, ffprobe: env.BISHOP_FFPROBE || sibling };
}

/** Seconds of 16 kHz audio in `samples` samples. */
export function secondsOf(samples: number): number {
  return samples / sampleRate;
}
