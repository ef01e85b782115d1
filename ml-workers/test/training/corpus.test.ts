import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assembleCorpus, type MaterialPart } from '../../src/training/assemble-corpus.ts';
import { heldOutPairs, isHeldOut, pairsStillNeeded } from '../../src/training/hold-out.ts';
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
        chat: null,
        media: null,
        notes: [],
      },
      participants: [],
      speakers: null,
    },
    work: {
      version: 2,
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
      speech: null,
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

describe('holding pairs out for the avatar test', () => {
  const hashes = (n: number, from = 0) =>
    Array.from({ length: n }, (_, i) => contentHash(`q${from + i}?`, `a${from + i}`));

  it('holds out at least 5 of 20 pairs, where the 10 % draw alone may give none', () => {
    const pairs = hashes(20);
    const held = heldOutPairs(pairs, 0.1);
    assert.ok(held.size >= 5, `${held.size} held out`);
    assert.deepEqual(heldOutPairs([...pairs].reverse(), 0.1), held, 'the order of materials changes nothing');
  });

  it('holds out nothing below 15 pairs, and says how many more are needed', () => {
    const held = heldOutPairs(hashes(14), 0.1);
    assert.ok(
      [...held].every((hash) => isHeldOut(hash, 0.1)),
      'only the share’s own draw',
    );
    assert.equal(pairsStillNeeded(14), 1);
    assert.equal(pairsStillNeeded(15), 0);
  });

  it('keeps every pair of the share held out when more pairs arrive (new pairs only add)', () => {
    const before = heldOutPairs(hashes(200), 0.1);
    const after = heldOutPairs([...hashes(200), ...hashes(300, 200)], 0.1);
    for (const hash of before) assert.ok(after.has(hash));
    assert.ok(after.size > before.size);
  });

  it('keeps a pair added only to reach the minimum held out once the draw alone would not need it', () => {
    const few = hashes(20);
    const first = heldOutPairs(few, 0.1);
    const toppedUp = [...first].filter((hash) => !isHeldOut(hash, 0.1));
    assert.ok(toppedUp.length > 0, 'the minimum added pairs of its own');
    const more = [...few, ...hashes(300, 20)];
    assert.ok(
      toppedUp.some((hash) => !heldOutPairs(more, 0.1).has(hash)),
      'without the earlier hold-out, they go back to training',
    );
    const second = heldOutPairs(more, 0.1, first);
    for (const hash of first) assert.ok(second.has(hash), 'held out once, held out again');
  });

  it('carries the earlier held-out pairs forward in the corpus, those gone from it included', () => {
    const pairsOf = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) => [`q${from + i}?`, `a${from + i}`] as [string, string]);
    const first = assembleCorpus([part('m1', [], pairsOf(0, 20))], 0.1);
    assert.ok(first.heldOutPairIds.length >= 5);
    // m1 removed, its pairs uploaded again in m2 with many more.
    const second = assembleCorpus([part('m2', [], pairsOf(0, 320))], 0.1, new Set(first.heldOutPairHashes));
    const heldIds = new Set(second.heldOutPairIds);
    const heldPrompts = new Set(second.pairs.filter((p) => heldIds.has(p.id)).map((p) => p.prompt));
    for (const pair of first.pairs.filter((p) => first.heldOutPairIds.includes(p.id)))
      assert.ok(heldPrompts.has(pair.prompt), pair.prompt);
    assert.equal(second.heldOutKeptFromEarlier, first.heldOutPairIds.length);
    // A run without m1's pairs still remembers them for the next one.
    const third = assembleCorpus([part('m3', [], pairsOf(1000, 30))], 0.1, new Set(second.heldOutPairHashes));
    for (const hash of first.heldOutPairHashes) assert.ok(third.heldOutPairHashes.includes(hash));
  });

  it('holds out nothing with a share of 0', () => {
    assert.equal(heldOutPairs(hashes(50), 0).size, 0);
  });
});
