import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { styleProfileOf } from '@bishop/domain';
import {
  approximateNearest,
  approximateNearestInBackground,
  buildPersonaSnapshot,
  loadPersonaEmbedder,
  nearestRows,
  personaFromSnapshot,
  type VectorMatrix,
  vectorMatrix,
} from '../../src/persona/index.ts';
import { testModelSettings } from '../models/test-models.ts';
import { denseParts, fillerPassages, pairs, snapshotHeader } from './persona-fixtures.ts';

/** `count` unit vectors in clusters, drawn from a fixed seed. */
function clusteredMatrix(count: number, dims: number): VectorMatrix {
  let state = 7;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
  const centres = Array.from({ length: 20 }, () => Float32Array.from({ length: dims }, next));
  return vectorMatrix(
    Array.from({ length: count }, (_, i) => (centres[i % 20] ?? new Float32Array(dims)).map((v) => v + next() * 0.3)),
    dims,
  );
}

function recall(found: { index: number }[], truth: { index: number }[]): number {
  const expected = new Set(truth.map((hit) => hit.index));
  return found.filter((hit) => expected.has(hit.index)).length / expected.size;
}

describe('approximate nearest rows (HNSW, USearch)', () => {
  const matrix = clusteredMatrix(3_000, 32);
  const queries = [5, 700, 1_499, 2_998].map((row) => matrix.data.slice(row * 32, (row + 1) * 32));

  it('finds what the exact scan finds (recall@20 ≥ 0.95), with the same similarities, best first', () => {
    const search = approximateNearest(matrix);
    for (const query of queries) {
      const truth = nearestRows(matrix, query, 20);
      const found = search(query, 20);
      assert.equal(found.length, 20);
      assert.ok(recall(found, truth) >= 0.95, `recall ${recall(found, truth)}`);
      assert.equal(found[0]?.index, truth[0]?.index, 'the row itself comes first');
      assert.ok(Math.abs((found[0]?.similarity ?? 0) - (truth[0]?.similarity ?? 0)) < 1e-4);
      const similarities = found.map((hit) => hit.similarity);
      assert.deepEqual(
        similarities,
        [...similarities].sort((a, b) => b - a),
      );
    }
  });

  it('leaves out the rows `allowed` refuses and still fills the limit', () => {
    const odd = (row: number) => row % 2 === 1;
    const found = approximateNearest(matrix)(queries[0] ?? new Float32Array(32), 10, odd);
    assert.equal(found.length, 10);
    assert.ok(found.every((hit) => odd(hit.index)));
  });

  it('builds on a worker thread, answering exactly meanwhile, then from the graph', async () => {
    const background = approximateNearestInBackground(matrix);
    const query = queries[1] ?? new Float32Array(32);
    assert.deepEqual(background.search(query, 10), nearestRows(matrix, query, 10), 'exact while it builds');
    assert.equal(await background.ready, 'approximate');
    assert.ok(recall(background.search(query, 20), nearestRows(matrix, query, 20)) >= 0.95);
  });
});

describe('a persona above the approximate threshold', () => {
  it('answers at once, and from its HNSW index once that is ready', async () => {
    const embedder = await loadPersonaEmbedder(testModelSettings());
    const passages = fillerPassages(300);
    const dialogue = pairs(20);
    const snapshot = buildPersonaSnapshot({
      ...snapshotHeader,
      settings: {},
      passages,
      pairs: dialogue,
      heldOutPairIds: [],
      style: styleProfileOf(dialogue.map((pair) => pair.reply)),
      dense: await denseParts(embedder, passages, dialogue),
    });
    const exact = personaFromSnapshot(snapshot, 'k', { embedder, approximateFrom: Number.POSITIVE_INFINITY });
    const approximate = personaFromSnapshot(snapshot, 'k', { embedder, approximateFrom: 100 });
    assert.equal(await exact.denseIndex, 'exact');
    const query = passages[42]?.text ?? '';
    assert.deepEqual(await approximate.knowledge(query, 5), await exact.knowledge(query, 5), 'exact until built');
    // Passages (300) are above the threshold, pairs (20) below: only the passages get a graph.
    assert.equal(await approximate.denseIndex, 'approximate');
    const found = (await approximate.knowledge(query, 5)).map((hit) => hit.item.id);
    assert.equal(found[0], passages[42]?.id, 'the passage itself ranks first');
  });
});
