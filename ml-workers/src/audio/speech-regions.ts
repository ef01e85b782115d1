import { sampleRate } from './audio-tools.ts';
import { SampleBuffer } from './sample-buffer.ts';
import { isSpeechFrame, type SpeechThresholds, speechThresholds, type VadFrame } from './silero-vad.ts';

/** A stretch of speech with no pause of `minPauseSec` inside it, with its audio (padded on both sides). */
export interface SpeechRegion {
  /** Index of the first sample in the whole stream. */
  readonly startSample: number;
  readonly samples: Float32Array;
  /** How many of the samples at the start and at the end are padding around the speech. */
  readonly leadSamples: number;
  readonly tailSamples: number;
}

export interface RegionOptions {
  /** A pause at least this long ends a region (default 0.2 s: a breath between sentences, or a turn taken). */
  readonly minPauseSec?: number;
  /** Audio kept around the speech (default 0.1 s): Silero decides a frame or two late. */
  readonly padSec?: number;
  /** Less speech than this is a click or a breath: left out (default 0.15 s). */
  readonly minSpeechSec?: number;
  /** A region is cut at this length however it goes on, so memory stays bounded (default 30 s). */
  readonly maxRegionSec?: number;
  readonly thresholds?: SpeechThresholds;
}

/**
 * Groups VAD frames into regions of speech split at pauses, streaming: only
 * the open region and a little audio before it are held in memory.
 */
export async function* speechRegions(
  frames: AsyncIterable<VadFrame>,
  options: RegionOptions = {},
): AsyncGenerator<SpeechRegion> {
  const samplesOf = (sec: number) => Math.round(sec * sampleRate);
  const pad = samplesOf(options.padSec ?? 0.1);
  const minPause = samplesOf(options.minPauseSec ?? 0.2);
  const minSpeech = samplesOf(options.minSpeechSec ?? 0.15);
  const maxRegion = samplesOf(options.maxRegionSec ?? 30);
  const thresholds = options.thresholds ?? speechThresholds;
  const region = new SampleBuffer(maxRegion + pad + minPause + 1024);
  const preRoll = new SampleBuffer(pad + 1024);
  let regionStart = -1;
  let lead = 0;
  let speechSamples = 0;
  let silenceRun = 0;
  let inSpeech = false;

  const close = (): SpeechRegion | undefined => {
    // Keep `pad` of the trailing silence; the rest belongs to the pause.
    region.dropLast(Math.max(0, silenceRun - pad));
    const found =
      speechSamples >= minSpeech
        ? {
            startSample: regionStart,
            samples: region.copy(0, region.length),
            leadSamples: lead,
            tailSamples: Math.min(pad, silenceRun),
          }
        : undefined;
    region.clear();
    regionStart = -1;
    speechSamples = 0;
    silenceRun = 0;
    return found;
  };

  for await (const frame of frames) {
    inSpeech = isSpeechFrame(inSpeech, frame.speechProbability, thresholds);
    if (regionStart < 0) {
      if (!inSpeech) {
        preRoll.append(frame.samples);
        preRoll.dropFirst(Math.max(0, preRoll.length - pad));
        continue;
      }
      regionStart = frame.startSample - preRoll.length;
      lead = preRoll.length;
      region.append(preRoll.copy(0, preRoll.length));
      preRoll.clear();
    }
    region.append(frame.samples);
    if (inSpeech) {
      speechSamples += frame.samples.length + silenceRun;
      silenceRun = 0;
    } else {
      silenceRun += frame.samples.length;
    }
    const ended = !inSpeech && silenceRun >= minPause;
    if (ended || region.length >= maxRegion) {
      const carried = ended ? region.copy(region.length - Math.min(pad, silenceRun), region.length) : undefined;
      const found = close();
      if (found) yield found;
      // The pause's last samples are the next region's lead-in.
      if (carried) preRoll.append(carried);
    }
  }
  if (regionStart >= 0) {
    const found = close();
    if (found) yield found;
  }
}
