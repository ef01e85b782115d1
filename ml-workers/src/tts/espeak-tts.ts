import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { type AudioTools, readAudio, sampleRate } from '../audio/index.ts';
import { runTool, withSignal } from '../audio/run-tool.ts';
import { jobFilePath } from '../runtime/job-scratch.ts';
import type { SynthesisOptions, SynthesizedSpeech, TextToSpeech } from './tts-port.ts';
import { TtsUnavailableError } from './tts-port.ts';

export interface EspeakOptions {
  /** The espeak-ng program (BISHOP_ESPEAK, default `espeak-ng` on PATH). */
  readonly program: string;
  readonly audioTools?: AudioTools;
}

const voices: Record<SynthesisOptions['language'], string> = { ru: 'ru', en: 'en-us' };
/** Longest text one call may read; the dub worker sends sentences, far shorter. */
const MAX_CHARS = 5000;

/**
 * Debian's espeak-ng formant synthesiser: robotic but real, needs no model,
 * so `bishop start` can speak on any machine. It has its own Russian stress
 * dictionary, so the text goes in as written.
 */
export function createEspeakTts(options: EspeakOptions): TextToSpeech {
  const tools = options.audioTools ? { tools: options.audioTools } : {};
  return {
    describe: () => ({ engine: 'espeak', model: 'espeak-ng', clones: false, needsStress: false, watermark: null }),
    async synthesize(text, synthesis): Promise<SynthesizedSpeech> {
      if (text.length > MAX_CHARS) throw new RangeError(`espeak-ng reads at most ${MAX_CHARS} characters at once`);
      const wav = await jobFilePath(`${randomUUID()}.wav`);
      try {
        // Text on stdin, never on the command line: it cannot be taken for an option.
        const result = await runTool(options.program, ['-v', voices[synthesis.language], '-w', wav, '--stdin'], {
          input: new TextEncoder().encode(text),
          timeoutMs: 60_000,
          ...withSignal(synthesis.signal),
        }).catch((error) => {
          throw new TtsUnavailableError(`espeak-ng could not run (${(error as Error).message})`, { cause: error });
        });
        if (result.exitCode !== 0) throw new Error(`espeak-ng failed: ${result.stderr.trim().slice(0, 300)}`);
        const samples = await readAudio(wav, MAX_CHARS, { ...tools, ...withSignal(synthesis.signal) });
        return { samples, sampleRate, voice: 'generic', model: 'espeak-ng' };
      } finally {
        await rm(wav, { force: true });
      }
    },
  };
}

/** True when the program runs (`--version` exits 0). */
export async function isEspeakInstalled(program: string): Promise<boolean> {
  try {
    return (await runTool(program, ['--version'], { timeoutMs: 5000 })).exitCode === 0;
  } catch {
    return false;
  }
}
