import { characterErrorRate } from '@bishop/ml-workers';
import { readAudio, transcribeFile } from '@bishop/ml-workers/audio';
import { loadAsr, loadVad, type ModelSettings } from '@bishop/ml-workers/models';
import { distance } from 'fastest-levenshtein';
import type { SpeechCase } from './speech-fixtures.ts';

export interface AsrFigures {
  readonly language: 'en' | 'ru';
  readonly metric: 'WER' | 'CER';
  readonly items: number;
  readonly audioSec: number;
  /** Bishop's path: ffmpeg decode, Silero VAD, chunking, Whisper (timestamps for chunks longer than a sentence). */
  readonly ours: { readonly error: number; readonly ms: number };
  /** The same Whisper as transformers.js's pipeline: ffmpeg decodes the file into memory, one pipeline call. */
  readonly bare: { readonly error: number; readonly ms: number };
  /** Utterances where ours and bare heard different words. */
  readonly differing: readonly { readonly text: string; readonly ours: string; readonly bare: string }[];
}

// Whisper writes numbers as digits; the transcripts spell them out (the cards: "ten of clubs").
const numberWords = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

// …and abbreviates titles ("Mr. John Dashwood" for "mister john dashwood").
const abbreviations: Readonly<Record<string, string>> = { mr: 'mister', mrs: 'missus', dr: 'doctor' };

function englishWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => (/^\d+$/.test(word) && Number(word) <= 10 ? (numberWords[Number(word)] as string) : word))
    .map((word) => abbreviations[word] ?? word);
}

/** Word error rate: word-level edit distance over the reference's word count. */
export function wordErrorRate(reference: string, hypothesis: string): number {
  const [expected, heard] = [englishWords(reference), englishWords(hypothesis)];
  // Map each distinct word to one character so a string edit distance counts words.
  const codes = new Map<string, string>();
  const code = (word: string) => {
    if (!codes.has(word)) codes.set(word, String.fromCodePoint(0x4e00 + codes.size));
    return codes.get(word) as string;
  };
  return distance(expected.map(code).join(''), heard.map(code).join('')) / Math.max(1, expected.length);
}

/**
 * WER (English) or CER (Russian) of Bishop's transcription path against the
 * same model's bare pipeline, on real recordings, with the time each took
 * (after one warm-up of each, so loading is not counted). The language is
 * given to both: detection is measured by the ASR test, not here.
 */
export async function measureAsr(settings: ModelSettings, cases: readonly SpeechCase[]): Promise<AsrFigures> {
  const language = cases[0]?.language ?? 'en';
  const error = language === 'en' ? wordErrorRate : characterErrorRate;
  const [asr, vad] = await Promise.all([loadAsr(settings), loadVad(settings)]);
  const ours = async (item: SpeechCase) =>
    (await transcribeFile(item.path, { asr, vad, language })).segments.map((s) => s.text).join(' ');
  // The bare pipeline reads the file too (transformers.js cannot decode a file in Node): the same ffmpeg decode
  // into memory as the ASR benchmark's anchor, then one pipeline call.
  const bare = async (item: SpeechCase) => {
    const samples = await readAudio(item.path, 60);
    const result = await asr(samples, { language, task: 'transcribe', chunk_length_s: 30 });
    return (Array.isArray(result) ? result[0]?.text : result.text) ?? '';
  };
  const first = cases[0] as SpeechCase;
  await ours(first);
  await bare(first);

  let oursMs = 0;
  let bareMs = 0;
  let audioSec = 0;
  const rows: { text: string; ours: string; bare: string; oursError: number; bareError: number }[] = [];
  const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
    const started = performance.now();
    const result = await work();
    return [result, performance.now() - started];
  };
  for (const [i, item] of cases.entries()) {
    audioSec += (await readAudio(item.path, 60)).length / 16000;
    // Alternate which runs first, so a busy machine's swings fall on both alike.
    let heard: string;
    let bareHeard: string;
    let oursTime: number;
    let bareTime: number;
    if (i % 2 === 0) {
      [heard, oursTime] = await timed(() => ours(item));
      [bareHeard, bareTime] = await timed(() => bare(item));
    } else {
      [bareHeard, bareTime] = await timed(() => bare(item));
      [heard, oursTime] = await timed(() => ours(item));
    }
    oursMs += oursTime;
    bareMs += bareTime;
    rows.push({
      text: item.text,
      ours: heard,
      bare: bareHeard,
      oursError: error(item.text, heard),
      bareError: error(item.text, bareHeard),
    });
  }
  const mean = (key: 'oursError' | 'bareError') => rows.reduce((sum, r) => sum + r[key], 0) / rows.length;
  return {
    language,
    metric: language === 'en' ? 'WER' : 'CER',
    items: rows.length,
    audioSec,
    ours: { error: mean('oursError'), ms: oursMs },
    bare: { error: mean('bareError'), ms: bareMs },
    differing: rows
      .filter((r) => r.oursError !== r.bareError)
      .map((r) => ({ text: r.text, ours: r.ours.trim(), bare: r.bare.trim() })),
  };
}
