import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import type { SpeakerCalibration } from './catalogue.ts';
import type { SpeakerEmbedder } from './speaker-embedder.ts';

/** What the kit writes beside Resemblyzer's graphs (tests/real-models/convert/resemblyzer_to_onnx.py). */
export interface ResemblyzerConfig {
  readonly model_type: 'resemblyzer';
  readonly hop_length: number;
  readonly partial_frames: number;
  readonly partials_per_second: number;
  readonly min_coverage: number;
  readonly volume_target_dbfs: number;
}

/** The model directory's config.json says which kind of speaker model it holds. */
export async function readResemblyzerConfig(directory: string): Promise<ResemblyzerConfig | undefined> {
  const config = JSON.parse(await readFile(join(directory, 'config.json'), 'utf8')) as { model_type?: string };
  return config.model_type === 'resemblyzer' ? (config as ResemblyzerConfig) : undefined;
}

/**
 * Resemblyzer's d-vector (a 3-layer LSTM over 40-band mel frames) as its
 * `embed_utterance` computes it: volume raised to the target, the utterance
 * cut into 1.6 s partials at 1.3 per second, one unit d-vector per partial,
 * their mean normalised. The mel front end and the network are ONNX graphs
 * (mel.onnx, encoder.onnx); only the slicing and averaging live here.
 * Resemblyzer's own WebRTC-VAD silence trimming is left out: Bishop hands it
 * speech that Silero VAD already cut.
 */
export async function loadResemblyzerEmbedder(
  name: string,
  directory: string,
  config: ResemblyzerConfig,
  calibration: SpeakerCalibration,
): Promise<SpeakerEmbedder> {
  const options = { intraOpNumThreads: 1, interOpNumThreads: 1 };
  const mel = await InferenceSession.create(join(directory, 'onnx', 'mel.onnx'), options);
  const encoder = await InferenceSession.create(join(directory, 'onnx', 'encoder.onnx'), options);
  const bands = 40;
  return {
    model: name,
    calibration,
    async embed(samples) {
      const starts = partialStarts(samples.length, config);
      const lastEnd = ((starts.at(-1) ?? 0) + config.partial_frames) * config.hop_length;
      const wave = new Float32Array(Math.max(lastEnd, samples.length));
      wave.set(raiseVolume(samples, config.volume_target_dbfs));
      const frames = (await mel.run({ waveform: new Tensor('float32', wave, [1, wave.length]) })).mel as Tensor;
      const melData = frames.data as Float32Array;
      const batch = new Float32Array(starts.length * config.partial_frames * bands);
      starts.forEach((start, i) => {
        const slice = melData.subarray(start * bands, (start + config.partial_frames) * bands);
        batch.set(slice, i * config.partial_frames * bands);
      });
      const input = new Tensor('float32', batch, [starts.length, config.partial_frames, bands]);
      const output = (await encoder.run({ mels: input })).embeddings as Tensor;
      return meanOfUnitVectors(output.data as Float32Array, starts.length);
    },
  };
}

/** resemblyzer's compute_partial_slices: first frame of each partial. */
export function partialStarts(samples: number, config: ResemblyzerConfig): number[] {
  const sampleRate = 16000;
  const frames = Math.ceil((samples + 1) / config.hop_length);
  const step = Math.round(sampleRate / config.partials_per_second / config.hop_length);
  const steps = Math.max(1, frames - config.partial_frames + step + 1);
  const starts: number[] = [];
  for (let i = 0; i < steps; i += step) starts.push(i);
  const last = starts.at(-1) ?? 0;
  const coverage = (samples - last * config.hop_length) / (config.partial_frames * config.hop_length);
  if (coverage < config.min_coverage && starts.length > 1) starts.pop();
  return starts;
}

// resemblyzer's normalize_volume(increase_only=True): quiet speech is raised to the target, loud speech left alone.
function raiseVolume(samples: Float32Array, targetDbfs: number): Float32Array {
  let sum = 0;
  for (const s of samples) sum += s * s;
  const rms = Math.sqrt(sum / Math.max(1, samples.length));
  if (rms === 0) return samples;
  const change = targetDbfs - 20 * Math.log10(rms);
  return change > 0 ? samples.map((s) => s * 10 ** (change / 20)) : samples;
}

function meanOfUnitVectors(data: Float32Array, rows: number): Float32Array {
  const size = data.length / rows;
  const mean = new Float32Array(size);
  for (let r = 0; r < rows; r++) for (let i = 0; i < size; i++) mean[i] = (mean[i] ?? 0) + (data[r * size + i] ?? 0);
  const norm = Math.hypot(...mean);
  return norm > 0 ? mean.map((v) => v / norm) : mean;
}
