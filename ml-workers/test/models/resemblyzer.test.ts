import assert from 'node:assert/strict';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cosineSimilarity, readAudio } from '../../src/audio/index.ts';
import { loadSpeakerEmbedder } from '../../src/models/index.ts';
import { partialStarts, type ResemblyzerConfig } from '../../src/models/resemblyzer-embedder.ts';
import { realModel } from '../models/real-models.ts';

const config: ResemblyzerConfig = {
  model_type: 'resemblyzer',
  hop_length: 160,
  partial_frames: 160,
  partials_per_second: 1.3,
  min_coverage: 0.75,
  volume_target_dbfs: -30,
};

describe('Resemblyzer partials', () => {
  it('cuts an utterance where resemblyzer’s compute_partial_slices does', () => {
    // Expected values from resemblyzer 0.1.4's formula (16 kHz, 10 ms frames, 160-frame partials, 1.3 per second).
    assert.deepEqual(partialStarts(16000, config), [0]);
    assert.deepEqual(partialStarts(32000, config), [0, 77]);
    // The last partial would cover 70 % (< 75 %) of its frames: dropped.
    assert.deepEqual(partialStarts(30400, config), [0]);
    assert.deepEqual(partialStarts(48000, config), [0, 77, 154]);
  });
});

// Real voices: Debian's test recordings (pocketsphinx-testdata: a LibriVox reader and another speaker;
// asterisk-core-sounds-ru-wav: a Russian IVR voice), scored by the real-model kit's Resemblyzer.
const kit = realModel('speaker', 'resemble-ai/resemblyzer');
const sphinx = '/usr/share/pocketsphinx/test/data';
const asteriskRu = '/usr/share/asterisk/sounds/ru_RU_f_IvrvoiceRU';
const voices = {
  reader: ['0870', '0880', '0890'].map((id) =>
    join(sphinx, 'librivox', `sense_and_sensibility_01_austen_64kb-${id}.wav`),
  ),
  cards: ['001', '002', '005'].map((id) => join(sphinx, 'cards', `${id}.wav`)),
  russian: ['vm-newuser', 'queue-youarenext', 'pbx-invalid'].map((id) => join(asteriskRu, `${id}.wav`)),
};
const recordings = await Promise.all(
  Object.values(voices)
    .flat()
    .map((path) =>
      access(path).then(
        () => true,
        () => false,
      ),
    ),
);
const skip =
  'skip' in kit
    ? kit.skip
    : recordings.every(Boolean)
      ? undefined
      : 'no real recordings (apt-get install pocketsphinx-testdata asterisk-core-sounds-ru-wav)';
if (skip) console.log(`SKIPPED: speaker separation with real voices (${skip})`);

describe('Resemblyzer on real voices', () => {
  (skip ? it.skip : it)(
    'scores clips of one voice closer than clips of other voices',
    { timeout: 300_000 },
    async () => {
      if (!('settings' in kit)) return;
      const embedder = await loadSpeakerEmbedder(kit.settings);
      assert.equal(embedder.model, 'resemble-ai/resemblyzer');
      const embedded = await Promise.all(
        Object.entries(voices).map(async ([voice, paths]) => ({
          voice,
          vectors: await Promise.all(paths.map(async (path) => embedder.embed(await readAudio(path, 60)))),
        })),
      );
      const same: number[] = [];
      const other: number[] = [];
      const all = embedded.flatMap(({ voice, vectors }) => vectors.map((vector) => ({ voice, vector })));
      for (const [i, a] of all.entries()) {
        assert.equal(a.vector.length, 256);
        for (const b of all.slice(i + 1))
          (a.voice === b.voice ? same : other).push(cosineSimilarity(a.vector, b.vector));
      }
      // Every same-voice pair above every other-voice pair, and above the calibrated same-person threshold.
      assert.ok(
        Math.min(...same) > Math.max(...other),
        `same ${same.map((x) => x.toFixed(2))} other ${other.map((x) => x.toFixed(2))}`,
      );
      assert.ok(Math.min(...same) >= embedder.calibration.samePersonAtLeast, `same ${Math.min(...same).toFixed(3)}`);
    },
  );
});
