import type { InferenceSession } from 'onnxruntime-node';
import { detectVoiceActivity, isSpeechFrame, sampleRate, vadWindowSamples } from '../audio/index.ts';
import { pushable } from './pushable.ts';

export interface TurnDetectorSettings {
  /** Silence after speech that ends the user's turn (the VAD hang-over). */
  readonly endOfTurnMs: number;
  /** Consecutive speech frames (32 ms each) that count as the user starting to speak. */
  readonly onsetFrames: number;
  /** A turn shorter than this (a cough, a click) is dropped. */
  readonly minSpeechMs: number;
  /** Audio kept from before the onset, so the first syllable is not clipped. */
  readonly preRollMs: number;
}

export const defaultTurnSettings: TurnDetectorSettings = {
  endOfTurnMs: 500,
  onsetFrames: 2,
  minSpeechMs: 250,
  preRollMs: 200,
};

export interface DetectedTurn {
  readonly samples: Float32Array;
  /** Seconds into the call's input stream. */
  readonly startSec: number;
  readonly endSec: number;
  /** performance.now() when the last speech frame was heard: where "end of user speech" is measured from. */
  readonly speechEndedAt: number;
}

export interface TurnEvents {
  onSpeechStart(atSec: number): void;
  onTurn(turn: DetectedTurn): void;
}

const FRAME_MS = (vadWindowSamples / sampleRate) * 1000;

/**
 * Server-side turn-taking over a live stream: Silero VAD on each 32 ms frame;
 * `onsetFrames` speech frames in a row start a turn (and are what barge-in
 * reacts to), `endOfTurnMs` of silence after speech ends it and hands over its audio.
 */
export function createTurnDetector(vad: InferenceSession, settings: TurnDetectorSettings, events: TurnEvents) {
  const input = pushable<Float32Array>();
  const preRollFrames = Math.ceil(settings.preRollMs / FRAME_MS);
  const endFrames = Math.ceil(settings.endOfTurnMs / FRAME_MS);
  const minFrames = Math.ceil(settings.minSpeechMs / FRAME_MS);

  const loop = (async () => {
    let speaking = false;
    let wasSpeech = false;
    let run = 0;
    let silence = 0;
    let speechFrames = 0;
    let lastSpeechAt = 0;
    let startSample = 0;
    let history: Float32Array[] = [];
    let turn: Float32Array[] = [];
    for await (const frame of detectVoiceActivity(vad, input)) {
      const speech = isSpeechFrame(wasSpeech, frame.speechProbability);
      wasSpeech = speech;
      if (!speaking) {
        history.push(frame.samples);
        if (history.length > preRollFrames + settings.onsetFrames) history.shift();
        run = speech ? run + 1 : 0;
        if (run >= settings.onsetFrames) {
          speaking = true;
          turn = history;
          history = [];
          silence = 0;
          speechFrames = run;
          lastSpeechAt = performance.now();
          startSample = frame.startSample + frame.samples.length - turn.reduce((n, f) => n + f.length, 0);
          events.onSpeechStart(startSample / sampleRate);
        }
        continue;
      }
      turn.push(frame.samples);
      if (speech) {
        silence = 0;
        speechFrames++;
        lastSpeechAt = performance.now();
      } else if (++silence >= endFrames) {
        speaking = false;
        run = 0;
        const endSample = frame.startSample + frame.samples.length;
        if (speechFrames >= minFrames) {
          events.onTurn({
            samples: join(turn),
            startSec: startSample / sampleRate,
            endSec: endSample / sampleRate,
            speechEndedAt: lastSpeechAt,
          });
        }
        turn = [];
      }
    }
  })();

  return {
    push(samples: Float32Array): void {
      input.push(samples);
    },
    async close(): Promise<void> {
      input.end();
      await loop.catch(() => {});
    },
  };
}

function join(parts: readonly Float32Array[]): Float32Array {
  const all = new Float32Array(parts.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  return all;
}
