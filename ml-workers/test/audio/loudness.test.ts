import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { integratedLoudness, readAudio } from '../../src/audio/index.ts';
import { fixture } from './fixtures.ts';

const sine = (rate: number, amplitude: number, seconds = 5) =>
  new Float32Array(rate * seconds).map((_, i) => amplitude * Math.sin((2 * Math.PI * 997 * i) / rate));

/** ffmpeg's ebur128 filter as the reference meter. */
function ffmpegLoudness(file: string): number {
  const args = [
    '-nostdin',
    '-hide_banner',
    '-nostats',
    '-i',
    file,
    '-af',
    'ebur128=framelog=verbose',
    '-f',
    'null',
    '-',
  ];
  const { stderr } = spawnSync('ffmpeg', args, { encoding: 'utf8' });
  const match = /Integrated loudness:\s+I:\s+(-?[\d.]+) LUFS/.exec(stderr);
  assert.ok(match, `no loudness in ffmpeg's report: ${stderr}`);
  return Number(match[1]);
}

describe('integrated loudness (EBU R128)', () => {
  it('measures the standard calibration tone: a 997 Hz sine at -20 dBFS is -23.0 LUFS', () => {
    assert.ok(Math.abs(integratedLoudness(sine(48_000, 0.1), 48_000) - -23.01) < 0.02);
    assert.ok(Math.abs(integratedLoudness(sine(16_000, 0.1)) - -23.01) < 0.1, 'and at 16 kHz');
  });

  it('agrees with ffmpeg on speech, loud and quiet', async () => {
    for (const name of ['voice-sample-good.flac', 'voice-sample-quiet.flac', 'voice-sample-clipped.flac']) {
      const ours = integratedLoudness(await readAudio(fixture(name), 60));
      const reference = ffmpegLoudness(fixture(name));
      assert.ok(Math.abs(ours - reference) < 0.2, `${name}: ${ours.toFixed(2)} LUFS, ffmpeg ${reference}`);
    }
  });

  it('calls digital silence -Infinity and ignores silence between words', () => {
    assert.equal(integratedLoudness(new Float32Array(48_000)), Number.NEGATIVE_INFINITY);
    const tone = sine(16_000, 0.1);
    const withGaps = new Float32Array(tone.length * 2);
    withGaps.set(tone);
    // Without the gates the silence would pull it 3 dB down; only the blocks straddling the edge count.
    const difference = integratedLoudness(withGaps) - integratedLoudness(tone);
    assert.ok(Math.abs(difference) < 0.3, `gated like the standard: ${difference.toFixed(2)} dB`);
  });
});
