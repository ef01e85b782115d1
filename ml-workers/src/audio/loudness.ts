import { sampleRate } from './audio-tools.ts';

/**
 * Integrated loudness in LUFS (ITU-R BS.1770-4 / EBU R128) of mono PCM:
 * K-weighting, 400 ms blocks every 100 ms, absolute gate at -70 LUFS, relative
 * gate 10 LU below. Written here rather than run through ffmpeg's ebur128
 * filter because the samples are already in memory: this takes milliseconds
 * where a subprocess takes a second, and the test checks it against ffmpeg.
 * Silence measures -Infinity.
 */
export function integratedLoudness(samples: Float32Array, rate = sampleRate): number {
  const weighted = kWeighted(samples, rate);
  // A 400 ms block is four 100 ms steps: sum each step once.
  const step = Math.round(0.1 * rate);
  const stepSums: number[] = [];
  for (let start = 0; start + step <= weighted.length; start += step) {
    let sum = 0;
    for (let i = start; i < start + step; i++) sum += (weighted[i] as number) ** 2;
    stepSums.push(sum);
  }
  const powers: number[] = [];
  for (let i = 0; i + 4 <= stepSums.length; i++) {
    powers.push(stepSums.slice(i, i + 4).reduce((s, v) => s + v, 0) / (4 * step));
  }
  const loudness = (power: number) => -0.691 + 10 * Math.log10(power);
  const mean = (values: readonly number[]) => values.reduce((s, v) => s + v, 0) / values.length;
  const audible = powers.filter((p) => loudness(p) > -70);
  if (audible.length === 0) return Number.NEGATIVE_INFINITY;
  const relativeGate = loudness(mean(audible)) - 10;
  return loudness(mean(audible.filter((p) => loudness(p) > relativeGate)));
}

/**
 * BS.1770's two-stage K-weighting for any sample rate, designed from the
 * analog prototype as libebur128 does; at 48 kHz it gives the standard's
 * coefficients exactly.
 */
function kWeighted(samples: Float32Array, rate: number): Float32Array {
  return biquad(biquad(samples, highShelf(rate)), highPass(rate));
}

interface Biquad {
  readonly b: readonly [number, number, number];
  readonly a: readonly [number, number];
}

function highShelf(rate: number): Biquad {
  const [f0, gainDb, q] = [1681.974450955533, 3.999843853973347, 0.7071752369554196];
  const k = Math.tan((Math.PI * f0) / rate);
  const vh = 10 ** (gainDb / 20);
  const vb = vh ** 0.4996667741545416;
  const a0 = 1 + k / q + k * k;
  return {
    b: [(vh + (vb * k) / q + k * k) / a0, (2 * (k * k - vh)) / a0, (vh - (vb * k) / q + k * k) / a0],
    a: [(2 * (k * k - 1)) / a0, (1 - k / q + k * k) / a0],
  };
}

function highPass(rate: number): Biquad {
  const [f0, q] = [38.13547087602444, 0.5003270373238773];
  const k = Math.tan((Math.PI * f0) / rate);
  const a0 = 1 + k / q + k * k;
  return { b: [1, -2, 1], a: [(2 * (k * k - 1)) / a0, (1 - k / q + k * k) / a0] };
}

function biquad(input: Float32Array, { b, a }: Biquad): Float32Array {
  const output = new Float32Array(input.length);
  let x1 = 0;
  let x2 = 0;
  let y1 = 0;
  let y2 = 0;
  for (let i = 0; i < input.length; i++) {
    const x = input[i] as number;
    const y = b[0] * x + b[1] * x1 + b[2] * x2 - a[0] * y1 - a[1] * y2;
    output[i] = y;
    x2 = x1;
    x1 = x;
    y2 = y1;
    y1 = y;
  }
  return output;
}
