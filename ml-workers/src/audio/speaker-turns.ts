import type { SpeakerEmbedder } from '../models/speaker-embedder.ts';
import { sampleRate } from './audio-tools.ts';
import { cosineSimilarity } from './speaker-similarity.ts';
import type { SpeechRegion } from './speech-regions.ts';

/** A stretch of one voice: who speaks, as far as the voice sample tells. */
export interface SpeakerTurn {
  readonly startSec: number;
  readonly endSec: number;
  /** Cosine similarity (-1..1) of the turn's voice to the voice sample; null without a sample. */
  readonly similarity: number | null;
  /** similarity ≥ the threshold; null without a sample. */
  readonly isPerson: boolean | null;
}

export interface PersonVoice {
  readonly embedder: SpeakerEmbedder;
  /** The voice sample's embedding. */
  readonly reference: Float32Array;
  /** A turn whose similarity reaches this is the person's. */
  readonly threshold: number;
}

export interface TurnWindows {
  /** Length of the sliding window the voice is judged on (default 1.5 s: a voice needs about a second). */
  readonly windowSec?: number;
  /** Step between windows (default 0.25 s): how finely a change of speaker is placed. */
  readonly hopSec?: number;
  /** A change that leaves less than this on one side is noise in the window scores, not a turn (default 0.4 s). */
  readonly minTurnSec?: number;
}

/**
 * Splits one region of speech where the speaker changes: a window slides over
 * it, each window's voice is compared with the voice sample, and the region is
 * cut midway between neighbouring windows that disagree about whether the
 * person speaks. Each resulting turn is then judged on all of its audio.
 */
export async function speakerTurnsOf(
  region: SpeechRegion,
  voice: PersonVoice | undefined,
  options: TurnWindows = {},
): Promise<SpeakerTurn[]> {
  const startSec = region.startSample / sampleRate;
  const endSec = startSec + region.samples.length / sampleRate;
  if (!voice) return trimmedToSpeech([{ startSec, endSec, similarity: null, isPerson: null }], region);
  const window = Math.round((options.windowSec ?? 1.5) * sampleRate);
  const cuts = await changePoints(region.samples, voice, window, options);
  const edges = [0, ...cuts, region.samples.length];
  const turns: SpeakerTurn[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const [from, to] = [edges[i] as number, edges[i + 1] as number];
    const similarity = await similarityOf(region.samples.subarray(from, to), voice, window);
    const turn = {
      startSec: startSec + from / sampleRate,
      endSec: startSec + to / sampleRate,
      similarity,
      isPerson: similarity >= voice.threshold,
    };
    const previous = turns.at(-1);
    // Neighbours judged alike are one turn (the window scores wavered, the whole-turn verdict did not).
    if (previous && previous.isPerson === turn.isPerson) {
      turns[turns.length - 1] = {
        ...previous,
        endSec: turn.endSec,
        similarity: await similarityOf(
          region.samples.subarray(Math.round((previous.startSec - startSec) * sampleRate), to),
          voice,
          window,
        ),
      };
    } else {
      turns.push(turn);
    }
  }
  return trimmedToSpeech(turns, region);
}

/** Turn times leave out the padding around the region's speech (it was there for the models' sake). */
function trimmedToSpeech(turns: SpeakerTurn[], region: SpeechRegion): SpeakerTurn[] {
  const first = turns[0];
  const last = turns.at(-1);
  if (!first || !last) return turns;
  const startSec = (region.startSample + region.leadSamples) / sampleRate;
  const endSec = (region.startSample + region.samples.length - region.tailSamples) / sampleRate;
  turns[0] = { ...first, startSec: Math.min(startSec, first.endSec) };
  const tail = turns.at(-1) as SpeakerTurn;
  turns[turns.length - 1] = { ...tail, endSec: Math.max(endSec, tail.startSec) };
  return turns;
}

/** Sample offsets in the region where the person starts or stops speaking. */
async function changePoints(
  samples: Float32Array,
  voice: PersonVoice,
  window: number,
  options: TurnWindows,
): Promise<number[]> {
  const hop = Math.round((options.hopSec ?? 0.25) * sampleRate);
  const minTurn = Math.round((options.minTurnSec ?? 0.4) * sampleRate);
  // A region that holds no more than one window and a bit cannot hold two turns of minTurn each.
  if (samples.length < window + minTurn) return [];
  // Windows centred every hop; near the region's edges they shrink to what the region holds, so a short turn at an edge still gets windows of its own.
  const centres: number[] = [];
  for (let centre = hop / 2; centre < samples.length; centre += hop) centres.push(Math.round(centre));
  const labels: boolean[] = [];
  for (const centre of centres) {
    const from = Math.max(0, centre - window / 2);
    const clip = samples.subarray(from, Math.min(samples.length, from + window));
    labels.push((await similarityOf(clip, voice, window)) >= voice.threshold);
  }
  const smooth = majority(labels, Math.max(1, Math.floor(minTurn / hop / 2)));
  const cuts: number[] = [];
  for (let i = 1; i < centres.length; i++) {
    if (smooth[i] === smooth[i - 1]) continue;
    const cut = Math.round(((centres[i - 1] as number) + (centres[i] as number)) / 2);
    const last = cuts.at(-1) ?? 0;
    if (cut - last >= minTurn && samples.length - cut >= minTurn) cuts.push(cut);
  }
  return cuts;
}

/** Each label replaced by the majority of the labels within `reach` of it: one odd window does not make a turn. */
function majority(labels: readonly boolean[], reach: number): boolean[] {
  return labels.map((label, i) => {
    const around = labels.slice(Math.max(0, i - reach), i + reach + 1);
    const yes = around.filter(Boolean).length;
    return yes * 2 === around.length ? label : yes * 2 > around.length;
  });
}

/** A clip shorter than a window is repeated to a window's length: the voice stays the same, the model gets enough. */
async function similarityOf(clip: Float32Array, voice: PersonVoice, window: number): Promise<number> {
  if (clip.length === 0) return -1;
  const audio = clip.length >= window ? clip : tiled(clip, window);
  return cosineSimilarity(await voice.embedder.embed(audio), voice.reference);
}

function tiled(clip: Float32Array, length: number): Float32Array {
  const out = new Float32Array(length);
  for (let offset = 0; offset < length; offset += clip.length) {
    out.set(clip.subarray(0, Math.min(clip.length, length - offset)), offset);
  }
  return out;
}
