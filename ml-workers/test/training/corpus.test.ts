import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assembleCorpus, type MaterialPart } from '../../src/training/assemble-corpus.ts';
import { isHeldOut } from '../../src/training/hold-out.ts';
import { contentHash } from '../../src/training/passages.ts';
import { defaultTrainingSettings, trainingSettingsOf } from '../../src/training/training-settings.ts';

function part(materialId: string, passages: string[], pairs: [string, string][]): MaterialPart {
  return {
    material: {
      materialId,
      fileName: `${materialId}.txt`,
      mediaType: 'text/plain',
      kind: 'text',
      sizeBytes: 1,
      sha256: 'a'.repeat(64),
      blobKey: `avatars/x/materials/${materialId}/original`,
      status: 'ready',
      extraction: {
        materialId,
        textBlobKey: 'k',
        segmentsBlobKey: null,
        charCount: 1,
        durationSec: null,
        language: 'ru',
        participants: [],
        preview: '',
      },
      participant: null,
    },
    work: {
      version: 1,
      passages: passages.map((text) => ({
        hash: contentHash(text),
        text,
        language: 'ru',
        startSec: null,
        endSec: null,
      })),
      pairs: pairs.map(([prompt, reply]) => ({
        hash: contentHash(prompt, reply),
        prompt,
        reply,
        replyPassageHashes: [contentHash(reply)],
      })),
      styleTexts: [...passages, ...pairs.map(([, reply]) => reply)],
      otherSpeakerSegments: 0,
    },
  };
}

const dialogue = Array.from(
  { length: 200 },
  (_, i) => [`Вопрос номер ${i}?`, `Ответ номер ${i} от меня`] as [string, string],
);

describe('assembling the corpus', () => {
  it('keeps the first copy of a passage or pair met in run order, with a stable id', () => {
    const corpus = assembleCorpus(
      [
        part('m1', ['Общий абзац про свет', 'Только в первом'], [['Как дела?', 'Хорошо, спасибо']]),
        part('m2', ['Общий абзац про свет!'], [['как дела', 'хорошо спасибо']]),
      ],
      0,
    );
    assert.deepEqual(
      corpus.passages.map((p) => p.id),
      [`m1:${contentHash('Общий абзац про свет')}`, `m1:${contentHash('Только в первом')}`],
    );
    assert.equal(corpus.pairs.length, 1);
    assert.deepEqual(corpus.duplicates, { passages: 1, pairs: 1 });
    assert.deepEqual(
      corpus.corpus.map((ref) => [ref.materialId, ref.passages, ref.pairs]),
      [
        ['m1', 2, 1],
        ['m2', 0, 0],
      ],
    );
  });

  it('holds out about the asked share of pairs, the same ones in any material order', () => {
    const a = assembleCorpus([part('m1', [], dialogue.slice(0, 100)), part('m2', [], dialogue.slice(100))], 0.1);
    const b = assembleCorpus([part('m2', [], dialogue.slice(100)), part('m1', [], dialogue.slice(0, 100))], 0.1);
    const texts = (corpus: typeof a) => {
      const ids = new Set(corpus.heldOutPairIds);
      return corpus.pairs
        .filter((p) => ids.has(p.id))
        .map((p) => p.prompt)
        .sort();
    };
    assert.deepEqual(texts(a), texts(b));
    assert.ok(a.heldOutPairIds.length >= 8 && a.heldOutPairIds.length <= 35, `${a.heldOutPairIds.length} of 200`);
    assert.equal(assembleCorpus([part('m1', [], dialogue)], 0).heldOutPairIds.length, 0);
  });

  it('keeps held-out replies out of the passages and of the style texts', () => {
    const corpus = assembleCorpus(
      [
        part(
          'm1',
          dialogue.map(([, reply]) => reply),
          dialogue,
        ),
      ],
      0.2,
    );
    const heldOut = new Set(corpus.heldOutPairIds);
    const heldReplies = corpus.pairs.filter((p) => heldOut.has(p.id)).map((p) => p.reply);
    assert.ok(heldReplies.length > 0);
    for (const reply of heldReplies) {
      assert.ok(!corpus.passages.some((p) => p.text === reply), `${reply} leaked into passages`);
      assert.ok(!corpus.styleTexts.includes(reply), `${reply} leaked into the style profile`);
    }
  });

  it('decides hold-out by content hash alone', () => {
    const hash = contentHash('Вопрос', 'Ответ');
    assert.equal(isHeldOut(hash, 0.3), isHeldOut(hash, 0.3));
    assert.equal(isHeldOut(hash, 0), false);
    assert.equal(isHeldOut(hash, 1), true);
  });
});

describe('training settings', () => {
  it('fills in defaults and keeps valid values', () => {
    assert.deepEqual(trainingSettingsOf({}), defaultTrainingSettings);
    assert.equal(trainingSettingsOf({ embeddingBatchSize: 4 }).embeddingBatchSize, 4);
  });

  it('lists every problem at once', () => {
    assert.throws(
      () =>
        trainingSettingsOf({ embeddingBatchSize: 0.5, colour: 'red', targetPassageChars: 3000, maxPassageChars: 200 }),
      (error: Error) => {
        assert.match(error.message, /"embeddingBatchSize" must be a whole number from 1 to 256 \(got 0\.5\)/);
        assert.match(error.message, /"colour" is not a training setting/);
        assert.match(error.message, /"targetPassageChars" must not be larger than "maxPassageChars"/);
        return true;
      },
    );
  });
});
