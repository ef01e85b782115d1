import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export type ExtractionMemory = {
  /** The process's peak resident memory, in MiB. */
  peakRssMb: number;
  /** Its resident memory once loaded and the material stored, before extraction began. */
  startRssMb: number;
  /** The most its JS heap could grow to (the extract worker's cap, plus V8's young generation). */
  heapLimitMb: number;
  seconds: number;
  charCount: number;
  participants: string[];
  durationSec: number | null;
  notes: string[];
};

const probe = fileURLToPath(new URL('./extraction-memory-process.ts', import.meta.url));

/** Extracts one material in a process of its own, as the extract worker does, and reports its peak memory. */
export async function extractionMemory(
  path: string,
  fileName: string,
  kind: 'chatExport' | 'audio' | 'text',
  nodeOptions: readonly string[] = [],
): Promise<ExtractionMemory> {
  const { stdout } = await promisify(execFile)(process.execPath, [...nodeOptions, probe, path, fileName, kind], {
    maxBuffer: 16 * 1024 * 1024,
  });
  const last = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as ExtractionMemory;
}
