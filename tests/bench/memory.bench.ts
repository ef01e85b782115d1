import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractionMemory } from '../src/extraction-memory.ts';
import { writeLargeTelegramExport } from '../src/large-telegram-export.ts';
import type { Benchmark, BenchRow } from './harness.ts';

/*
 * Bounded memory of the extract worker: a 1 GB Telegram export and a 3-hour recording, each extracted in a
 * process of its own as the worker does it (extraction, then its blobs written, on a filesystem blob store, with
 * the worker's heap cap), its peak resident memory (getrusage maxRSS) against the 512 MB goal. The recording goes through the test
 * models (the memory is ffmpeg → VAD → Whisper streaming, not the model's size).
 */

const GOAL_MB = 512;
const SIZES = { full: { exportMb: 1024, recordingSec: 3 * 3600 }, quick: { exportMb: 32, recordingSec: 600 } };
// The two-voice interview fixture: 39 s of turns with 3 s pauses.
const INTERVIEW_SEC = 39;

export const memoryBenchmark: Benchmark = {
  name: 'bounded-memory: peak RSS of the extract worker on a 1 GB Telegram export and a 3-hour recording',
  async run(context) {
    const sizes = context.quick ? SIZES.quick : SIZES.full;
    const scratch = await mkdtemp(join(tmpdir(), 'bishop-memory-bench-'));
    try {
      const exportPath = join(scratch, 'result.json');
      const written = await writeLargeTelegramExport(exportPath, { bytes: sizes.exportMb * 2 ** 20, form: 'chat' });
      const exportMb = (await stat(exportPath)).size / 2 ** 20;
      context.log(`${exportMb.toFixed(0)} MB export, ${written.messages} messages`);
      const chat = await extractionMemory(exportPath, 'result.json', 'chatExport');
      context.log(`export: peak RSS ${chat.peakRssMb.toFixed(0)} MB, ${chat.seconds.toFixed(0)} s`);
      await rm(exportPath);
      const fixtures = execFileSync(
        'bash',
        [fileURLToPath(new URL('../fixtures/audio/make-fixtures.sh', import.meta.url))],
        { encoding: 'utf8' },
      ).trim();
      const recording = join(scratch, 'long.flac');
      const copies = Math.ceil(sizes.recordingSec / INTERVIEW_SEC);
      execFileSync('sox', [join(fixtures, 'interview-two-voices.flac'), recording, 'repeat', String(copies - 1)]);
      const heard = await extractionMemory(recording, 'long.flac', 'audio');
      context.log(`recording: peak RSS ${heard.peakRssMb.toFixed(0)} MB, ${heard.seconds.toFixed(0)} s`);
      const load = loadavg()[0]?.toFixed(1);
      return [
        row(
          `bounded-memory: extract worker's peak RSS, ${exportMb.toFixed(0)} MB Telegram export (${written.messages.toLocaleString('en-US')} messages)`,
          chat.peakRssMb,
          `${chat.seconds.toFixed(0)} s; ${chat.startRssMb.toFixed(0)} MB loaded before extraction; heap limit ${chat.heapLimitMb} MB; load ${load}`,
        ),
        row(
          `bounded-memory: extract worker's peak RSS, ${((heard.durationSec ?? 0) / 3600).toFixed(1)}-hour recording (test models)`,
          heard.peakRssMb,
          `${heard.seconds.toFixed(0)} s; ${heard.startRssMb.toFixed(0)} MB loaded before extraction; heap limit ${heard.heapLimitMb} MB; load ${load}`,
        ),
      ];
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  },
};

function row(benchmark: string, peakMb: number, detail: string): BenchRow {
  return {
    benchmark,
    unit: 'MB',
    anchor: Number.NaN,
    ours: peakMb,
    anchorSamples: [],
    oursSamples: [peakMb],
    note: 'Peak resident memory (maxRSS) of a process extracting the material as the extract worker does, with its heap capped as `bishop run worker extract` caps it (BISHOP_EXTRACT_HEAP_MB, 256 MB); the export and the recording are generated at run time.',
    target: { text: `≤ ${GOAL_MB} MB (${detail})`, met: peakMb <= GOAL_MB },
  };
}
