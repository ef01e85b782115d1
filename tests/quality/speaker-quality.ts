import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { cosineSimilarity, readAudio } from '@bishop/ml-workers/audio';
import { loadSpeakerEmbedder, type ModelSettings } from '@bishop/ml-workers/models';
import { dubTexts } from './dub-quality.ts';
import type { SpeechCase } from './speech-fixtures.ts';

const russianLines = dubTexts.ru;
const englishLines = dubTexts.en;

const run = promisify(execFile);

export interface Clip {
  readonly speaker: string;
  readonly kind: 'recorded' | 'synthetic';
  readonly samples: Float32Array;
}

export interface SeparationFigures {
  readonly speakers: readonly { name: string; kind: string; clips: number }[];
  readonly samePairs: number;
  readonly otherPairs: number;
  readonly sameMean: number;
  readonly otherMean: number;
  /** Probability that a same-voice pair scores above an other-voice pair (ROC AUC). */
  readonly auc: number;
  /** Equal error rate and the cosine where it falls. */
  readonly eer: number;
  readonly eerThreshold: number;
  readonly msPerClip: number;
  readonly closestOther: { readonly pair: string; readonly cosine: number };
}

/** Recorded voices (Debian's test recordings) plus voices made here: festival's Russian unit-selection voice, espeak-ng. */
export async function speakerClips(recorded: readonly SpeechCase[]): Promise<Clip[]> {
  const clips: Clip[] = [];
  const perSpeaker = new Map<string, number>();
  for (const item of recorded) {
    const count = perSpeaker.get(item.speaker) ?? 0;
    if (count >= 5) continue;
    perSpeaker.set(item.speaker, count + 1);
    clips.push({ speaker: item.speaker, kind: 'recorded', samples: await readAudio(item.path, 60) });
  }
  const directory = await mkdtemp(join(tmpdir(), 'bishop-voices-'));
  try {
    const synthesize = async (
      speaker: string,
      lines: readonly string[],
      command: (text: string, wav: string) => Promise<unknown>,
    ) => {
      for (const [i, line] of lines.entries()) {
        const wav = join(directory, `${speaker}-${i}.wav`);
        try {
          await command(line, wav);
          clips.push({ speaker, kind: 'synthetic', samples: await readAudio(wav, 60) });
        } catch {
          return; // a voice that is not installed is left out (the table lists the voices used)
        }
      }
    };
    // festvox-ru: msu_ru_nsh, a male voice concatenated from real recordings (Debian festival + festvox-ru).
    await synthesize('festival-msu_ru_nsh', russianLines, async (text, wav) => {
      const input = `${wav}.txt`;
      await writeFile(input, text);
      await run('text2wave', ['-eval', '(voice_msu_ru_nsh_clunits)', input, '-o', wav]);
    });
    await synthesize('espeak-ng-en-us', englishLines, (text, wav) =>
      run('espeak-ng', ['-v', 'en-us', '-w', wav, text]),
    );
    await synthesize('espeak-ng-en-us+f3', englishLines, (text, wav) =>
      run('espeak-ng', ['-v', 'en-us+f3', '-w', wav, text]),
    );
    await synthesize('espeak-ng-ru', russianLines, (text, wav) => run('espeak-ng', ['-v', 'ru', '-w', wav, text]));
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
  return clips;
}

/** Every pair of clips scored by the speaker model: same voice vs other voices. */
export async function measureSeparation(settings: ModelSettings, clips: readonly Clip[]): Promise<SeparationFigures> {
  const embedder = await loadSpeakerEmbedder(settings);
  const started = performance.now();
  const vectors: Float32Array[] = [];
  for (const clip of clips) vectors.push(await embedder.embed(clip.samples));
  const msPerClip = (performance.now() - started) / clips.length;
  const same: number[] = [];
  const other: number[] = [];
  let closestOther = { pair: '', cosine: -1 };
  for (let i = 0; i < clips.length; i++) {
    for (let j = i + 1; j < clips.length; j++) {
      const cosine = cosineSimilarity(vectors[i] as Float32Array, vectors[j] as Float32Array);
      const [a, b] = [clips[i] as Clip, clips[j] as Clip];
      if (a.speaker === b.speaker) same.push(cosine);
      else {
        other.push(cosine);
        if (cosine > closestOther.cosine) closestOther = { pair: `${a.speaker} / ${b.speaker}`, cosine };
      }
    }
  }
  const speakers = [...new Set(clips.map((c) => c.speaker))].map((name) => ({
    name,
    kind: clips.find((c) => c.speaker === name)?.kind ?? '',
    clips: clips.filter((c) => c.speaker === name).length,
  }));
  const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
  let above = 0;
  for (const s of same) for (const o of other) above += s > o ? 1 : s === o ? 0.5 : 0;
  const { eer, threshold } = equalErrorRate(same, other);
  return {
    speakers,
    samePairs: same.length,
    otherPairs: other.length,
    sameMean: mean(same),
    otherMean: mean(other),
    auc: above / Math.max(1, same.length * other.length),
    eer,
    eerThreshold: threshold,
    msPerClip,
    closestOther,
  };
}

/** The threshold where rejecting same-voice pairs and accepting other-voice pairs are equally frequent. */
function equalErrorRate(same: readonly number[], other: readonly number[]): { eer: number; threshold: number } {
  let best = { gap: Number.POSITIVE_INFINITY, eer: 1, threshold: 0 };
  for (const threshold of [...same, ...other].sort((a, b) => a - b)) {
    const falseReject = same.filter((s) => s < threshold).length / same.length;
    const falseAccept = other.filter((o) => o >= threshold).length / other.length;
    const gap = Math.abs(falseReject - falseAccept);
    if (gap < best.gap) best = { gap, eer: (falseReject + falseAccept) / 2, threshold };
  }
  return { eer: best.eer, threshold: best.threshold };
}
