import type { InferenceSession } from 'onnxruntime-node';
import type { SpeakerEmbedder } from '../models/speaker-embedder.ts';
import { type AudioTools, audioTools, sampleRate, secondsOf } from './audio-tools.ts';
import { integratedLoudness } from './loudness.ts';
import { probeMedia } from './probe-media.ts';
import { readAudio } from './read-audio.ts';
import { withSignal } from './run-tool.ts';
import { detectVoiceActivity, isSpeechFrame, vadWindowSamples } from './silero-vad.ts';
import { embedWindows, speakerConsistency } from './speaker-similarity.ts';

/** What the product asks of a voice sample (PRODUCT.md: 6–60 s of the person speaking). */
export const voiceSampleRules = {
  minSec: 6,
  maxSec: 60,
  quietestLufs: -38,
  maxClippingRatio: 0.001,
  maxSilenceRatio: 0.5,
} as const;

/** Longer inputs are measured on their first two minutes; they fail the length rule anyway. */
const measuredSec = 120;
const fullScale = 0.99;

export interface VoiceSampleFigures {
  readonly durationSec: number;
  /** Integrated loudness, EBU R128. */
  readonly loudnessLufs: number;
  /** Share of samples at full scale. */
  readonly clippingRatio: number;
  /** Share of time Silero VAD hears no speech. */
  readonly silenceRatio: number;
  /** 0..1: how surely one voice speaks throughout (see speakerConsistency). */
  readonly speakerConsistency: number;
}

export interface VoiceSampleCheck {
  readonly verdict: 'ok' | 'rejected';
  /** Why it was rejected, one sentence each, for the person who recorded it. */
  readonly reasons: readonly string[];
  readonly figures: VoiceSampleFigures;
  /** The sample's speaker embedding: the reference for speaker-aware tagging. */
  readonly embedding: Float32Array;
}

export interface VoiceSampleCheckOptions {
  readonly vad: InferenceSession;
  readonly speaker: SpeakerEmbedder;
  readonly tools?: AudioTools;
  readonly signal?: AbortSignal;
}

/** Measures a voice sample (a file, or 16 kHz mono PCM) and says whether it is fit for cloning and speaker matching. */
export async function checkVoiceSample(
  input: string | Float32Array,
  options: VoiceSampleCheckOptions,
): Promise<VoiceSampleCheck> {
  const tools = options.tools ?? audioTools();
  const signal = withSignal(options.signal);
  let samples: Float32Array;
  let durationSec: number;
  if (typeof input === 'string') {
    const info = await probeMedia(input, { tools, ...signal });
    samples = await readAudio(input, measuredSec + 1, { tools, endSec: measuredSec, ...signal });
    durationSec = info.durationSec ?? secondsOf(samples.length);
  } else {
    samples = input.subarray(0, measuredSec * sampleRate);
    durationSec = secondsOf(input.length);
  }
  const speech = await speechFrames(options.vad, samples);
  const speechIn = (start: number, end: number) => {
    let frames = 0;
    for (let f = Math.floor(start / vadWindowSamples); f < Math.ceil(end / vadWindowSamples); f++)
      frames += speech[f] ?? 0;
    return (frames * vadWindowSamples) / (end - start);
  };
  const figures: VoiceSampleFigures = {
    durationSec,
    loudnessLufs: integratedLoudness(samples),
    clippingRatio: samples.length > 0 ? samples.filter((x) => Math.abs(x) >= fullScale).length / samples.length : 0,
    silenceRatio: samples.length > 0 ? 1 - Math.min(1, speechIn(0, samples.length)) : 1,
    // Windows that are mostly pause say little about who speaks.
    speakerConsistency: speakerConsistency(
      await embedWindows(options.speaker, samples, { include: (start, end) => speechIn(start, end) >= 0.5 }),
    ),
  };
  const reasons = reasonsToReject(figures, options.speaker.calibration.oneSpeakerAtLeast);
  const embedding = await options.speaker.embed(samples);
  return { verdict: reasons.length === 0 ? 'ok' : 'rejected', reasons, figures, embedding };
}

function reasonsToReject(figures: VoiceSampleFigures, oneSpeakerAtLeast: number): string[] {
  const rules = voiceSampleRules;
  const reasons: string[] = [];
  if (figures.durationSec < rules.minSec || figures.durationSec > rules.maxSec) {
    reasons.push(
      `The sample is ${figures.durationSec.toFixed(1)} s long; it must be ${rules.minSec}–${rules.maxSec} s.`,
    );
  }
  if (figures.loudnessLufs < rules.quietestLufs) {
    const measured = Number.isFinite(figures.loudnessLufs)
      ? `the sample measures ${figures.loudnessLufs.toFixed(0)} LUFS`
      : 'the sample is silent';
    reasons.push(
      `Too quiet: ${measured}; record closer to the microphone or raise the input level (about -23 LUFS is ideal).`,
    );
  }
  if (figures.clippingRatio > rules.maxClippingRatio) {
    reasons.push(
      `Clipped: ${percent(figures.clippingRatio)} of the sound hits full volume and is distorted; lower the input level and record again.`,
    );
  }
  if (figures.silenceRatio > rules.maxSilenceRatio) {
    reasons.push(`Mostly silence: speech fills only ${percent(1 - figures.silenceRatio)} of the sample.`);
  }
  if (figures.speakerConsistency < oneSpeakerAtLeast) {
    reasons.push('More than one person seems to speak; the sample must hold only the voice of the person.');
  }
  return reasons;
}

/** 1 for each 32 ms frame Silero hears as speech, else 0. */
async function speechFrames(vad: InferenceSession, samples: Float32Array): Promise<Uint8Array> {
  const flags = new Uint8Array(Math.ceil(samples.length / vadWindowSamples));
  let inSpeech = false;
  let index = 0;
  for await (const frame of detectVoiceActivity(vad, once(samples))) {
    inSpeech = isSpeechFrame(inSpeech, frame.speechProbability);
    flags[index++] = inSpeech ? 1 : 0;
  }
  return flags;
}

async function* once(samples: Float32Array) {
  yield samples;
}

const percent = (ratio: number) => `${(ratio * 100).toFixed(ratio < 0.1 ? 1 : 0)}%`;
