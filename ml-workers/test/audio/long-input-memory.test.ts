import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { AutomaticSpeechRecognitionPipeline } from '@huggingface/transformers';
import type { InferenceSession } from 'onnxruntime-node';
import { sampleRate, transcribeFile } from '../../src/audio/index.ts';
import { loadAsr, loadVad } from '../../src/models/index.ts';
import { testModelSettings } from '../models/test-models.ts';
import { fixture, interviewTurns } from './fixtures.ts';

// About ten minutes of interview (speech and pauses), made here, not committed.
const repeats = 15;
const mb = (bytes: number) => bytes / 2 ** 20;
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
// Memory JavaScript holds (heap and array buffers) after a full collection, without garbage not yet collected.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const liveMb = () => {
  collectGarbage();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return mb(heapUsed + arrayBuffers);
};
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

let scratch: string;
let long: string;
let asr: AutomaticSpeechRecognitionPipeline;
let vad: InferenceSession;
before(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'bishop-long-'));
  long = join(scratch, 'ten-minutes.flac');
  execFileSync('sox', [fixture('interview-two-voices.flac'), long, 'repeat', String(repeats - 1)]);
  const settings = testModelSettings();
  [asr, vad] = await Promise.all([loadAsr(settings), loadVad(settings)]);
  // Warm up: model sessions and their arenas reach their working size on a short file.
  await transcribeFile(fixture('interview-two-voices.flac'), { asr, vad });
});
after(() => rm(scratch, { recursive: true, force: true }));

it('streams a long recording through ffmpeg, VAD and Whisper in bounded memory', { timeout: 360_000 }, async (t) => {
  const rssBefore = peakRssMb();
  const live: number[] = [];
  let last = 0;
  const transcript = await transcribeFile(long, {
    asr,
    vad,
    onProgress: (p) => {
      live.push(liveMb());
      last = p.processedSec;
    },
  });
  const decodedMb = mb(transcript.durationSec * sampleRate * Float32Array.BYTES_PER_ELEMENT);
  const rssGrowth = peakRssMb() - rssBefore;
  // Memory that grows with the input shows as a rise from the first third of the run to the last.
  const third = Math.floor(live.length / 3);
  const rise = median(live.slice(-third)) - median(live.slice(0, third));
  t.diagnostic(
    `${(transcript.durationSec / 60).toFixed(1)} min, ${decodedMb.toFixed(0)} MB decoded, ${live.length} samples; ` +
      `live memory rose ${rise.toFixed(1)} MB (max ${Math.max(...live).toFixed(0)} MB), peak RSS grew ${rssGrowth.toFixed(0)} MB`,
  );
  assert.ok(transcript.durationSec > 9 * 60, `${transcript.durationSec} s`);
  assert.equal(last, transcript.durationSec);
  const speechSec = repeats * interviewTurns().reduce((sum, turn) => sum + turn.endSec - turn.startSec, 0);
  const coveredSec = transcript.segments.reduce((sum, s) => sum + s.endSec - s.startSec, 0);
  assert.ok(
    coveredSec > 0.8 * speechSec,
    `segments cover ${coveredSec.toFixed(0)} s of ${speechSec.toFixed(0)} s of speech`,
  );
  // Keeping the decoded audio would add about 2/3 of decodedMb (≈ 24 MB) between the thirds; one chunk is
  // under 2 MB. Half of that signal is the bound: the transcript's own growth and heap fragmentation on a
  // loaded machine reached 8 MB with nothing kept.
  assert.ok(rise < decodedMb / 3, `live memory rose ${rise.toFixed(1)} MB between the first and last third`);
  // RSS also carries the allocators' high-water marks, hence the looser bound.
  assert.ok(rssGrowth < 2 * decodedMb + 32, `peak RSS grew ${rssGrowth.toFixed(0)} MB`);
});
