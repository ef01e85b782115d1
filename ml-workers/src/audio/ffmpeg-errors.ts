import { AudioInputError } from './audio-input-error.ts';

const noAudio = /matches no streams|does not contain any stream/i;
const unreadable =
  /Invalid data found when processing input|Invalid argument|could not find codec parameters|moov atom not found|Failed to read frame size|no such file or directory/i;

/**
 * Turns ffmpeg/ffprobe stderr into an error a person understands. The last
 * ffmpeg line is kept as detail, with the server-side path taken out.
 */
export function audioErrorFromFfmpeg(stderr: string, path: string): AudioInputError {
  const detail = lastLine(stderr).replaceAll(path, 'input');
  if (noAudio.test(stderr)) return new AudioInputError('no-audio-track', 'The file has no audio track.');
  if (unreadable.test(stderr)) {
    return new AudioInputError('not-media', `The file is not audio or video that can be read (${detail}).`);
  }
  return new AudioInputError('decode-failed', `The audio could not be decoded (${detail || 'ffmpeg failed'}).`);
}

function lastLine(stderr: string): string {
  return stderr.trim().split('\n').at(-1)?.trim() ?? '';
}
