import { resolve } from 'node:path';
import { AudioInputError } from './audio-input-error.ts';
import { type AudioTools, audioTools } from './audio-tools.ts';
import { audioErrorFromFfmpeg } from './ffmpeg-errors.ts';
import { probeMedia } from './probe-media.ts';
import { runTool, withSignal } from './run-tool.ts';

export interface CutOptions {
  readonly startSec: number;
  readonly endSec: number;
  readonly tools?: AudioTools;
  readonly signal?: AbortSignal;
}

/**
 * Cuts [startSec, endSec) of a recording's audio into a mono 16-bit WAV at the
 * source's sample rate (a voice sample picked from an uploaded recording).
 * Returns the length written.
 */
export async function cutAudio(input: string, output: string, options: CutOptions): Promise<{ durationSec: number }> {
  const { startSec, endSec } = options;
  const tools = options.tools ?? audioTools();
  const problem =
    !Number.isFinite(startSec) || !Number.isFinite(endSec) || startSec < 0
      ? `the start and end must be seconds from 0 (got ${startSec} and ${endSec})`
      : endSec <= startSec
        ? `the end (${endSec} s) must come after the start (${startSec} s)`
        : undefined;
  if (problem) throw new RangeError(`Cannot cut the recording: ${problem}.`);
  const { durationSec } = await probeMedia(input, { tools, ...withSignal(options.signal) });
  if (durationSec !== undefined && startSec >= durationSec) {
    throw new RangeError(`Cannot cut the recording: it is only ${durationSec.toFixed(1)} s long.`);
  }
  const args = ['-nostdin', '-hide_banner', '-loglevel', 'error', '-y', '-ss', String(startSec), '-to', String(endSec)];
  args.push('-i', resolve(input), '-map', '0:a:0', '-ac', '1', '-c:a', 'pcm_s16le', '-f', 'wav', resolve(output));
  const result = await runTool(tools.ffmpeg, args, { timeoutMs: 120_000, ...withSignal(options.signal) });
  if (result.exitCode !== 0) throw audioErrorFromFfmpeg(result.stderr, resolve(input));
  const written = await probeMedia(output, { tools, ...withSignal(options.signal) });
  if (!written.durationSec) throw new AudioInputError('decode-failed', 'The cut holds no audio.');
  return { durationSec: written.durationSec };
}
