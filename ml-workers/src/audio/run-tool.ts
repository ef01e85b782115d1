import { spawn } from 'node:child_process';
import { basename } from 'node:path';
import { AudioInputError } from './audio-input-error.ts';

export interface RunToolOptions {
  /** Written to the tool's stdin, then stdin is closed. */
  readonly input?: Uint8Array;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

export interface ToolOutput {
  readonly exitCode: number;
  readonly stdout: string;
  /** The last few KB only: enough for error messages and reports. */
  readonly stderr: string;
}

const stderrTail = 16_384;

/**
 * Runs ffmpeg/ffprobe to completion and returns its output whatever the exit
 * code (callers read stderr to say what went wrong). Throws AudioInputError
 * when the program is missing or runs past `timeoutMs`.
 */
export function runTool(command: string, args: readonly string[], options: RunToolOptions): Promise<ToolOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], ...withSignal(options.signal) });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
    });
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr = (stderr + text).slice(-stderrTail);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (options.signal?.aborted) return reject(options.signal.reason);
      reject(error.code === 'ENOENT' ? toolMissing(command) : error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      if (options.signal?.aborted) return reject(options.signal.reason);
      if (timedOut) {
        return reject(new AudioInputError('timeout', `${command} did not finish within ${options.timeoutMs / 1000} s`));
      }
      resolve({ exitCode: code ?? -1, stdout, stderr });
    });
    // A tool that exits before reading all its input closes the pipe; its exit code tells the story.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input);
  });
}

/** What to install (or set) for each tool this module runs; the hint names the right package. */
const installHints: Record<string, string> = {
  ffmpeg: 'install ffmpeg or set BISHOP_FFMPEG (and BISHOP_FFPROBE) to its path',
  ffprobe: 'install ffmpeg or set BISHOP_FFPROBE (and BISHOP_FFMPEG) to its path',
  'espeak-ng': 'install espeak-ng (Debian: apt-get install espeak-ng)',
};

export function toolMissing(command: string): AudioInputError {
  const tool = basename(command);
  const hint = installHints[tool] ?? `install ${tool} or put it on PATH`;
  return new AudioInputError('tool-missing', `${command} was not found; ${hint}`);
}

export function withSignal(signal: AbortSignal | undefined): { signal?: AbortSignal } {
  return signal ? { signal } : {};
}
