import assert from 'node:assert/strict';
import { emptyPersonaCard, styleProfileOf } from '@bishop/domain';
import {
  approximateNearest,
  buildPersonaSnapshot,
  decodeVectors,
  nearestRows,
  type OpenedPersona,
  type PersonaEmbedder,
  personaFromSnapshot,
  retrievalDepth,
} from '@bishop/ml-workers';
import { type Benchmark, type BenchRow, median, percentile } from './harness.ts';
import { growthVerdict } from './scale-growth.ts';

/*
 * Retrieval latency of one reply's context (what the LLM responder asks for:
 * the 6 closest passages and 4 exemplar pairs, each BM25 fused with dense
 * vectors) as the persona grows to 10³, 10⁴ and 10⁵ passages: the exact scan
 * the reply worker runs today vs an HNSW index (USearch), with the HNSW's
 * recall@k against the exact scan. The corpus is synthetic — topics as
 * clusters of 384-dimensional unit vectors, passages as words drawn from a
 * topic's vocabulary and a Zipf tail — because embedding 10⁵ real passages
 * would take this machine hours; the query's embedding is looked up, not
 * computed (it costs the same at every size). Real sentence embeddings
 * cluster more than uniform noise does, so this recall is, if anything, low.
 */

const DIMS = 384;
const PAIRS = 1_000;
const SIZES = { full: [1_000, 10_000, 100_000], quick: [200, 2_000] };
const QUERIES = { full: 200, quick: 20 };
const KNOWLEDGE = 6;
const EXEMPLARS = 4;
const VOCABULARY = 20_000;

/** A seeded generator, so every run draws the same corpus. */
function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const gauss = () => Math.sqrt(-2 * Math.log(next() + 1e-12)) * Math.cos(2 * Math.PI * next());
  return { next, gauss };
}

function unit(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm);
  return vector.map((value) => value / norm);
}

interface Corpus {
  readonly texts: string[];
  readonly vectors: Float32Array[];
  readonly queries: { text: string; vector: Float32Array }[];
}

/** `count` passages in topics of ~100, and queries that paraphrase one passage each. */
function syntheticCorpus(count: number, queries: number, seed: number): Corpus {
  const random = randomSource(seed);
  const word = (rank: number) => `w${rank.toString(36)}`;
  const zipfWord = () => word(Math.floor(VOCABULARY ** random.next()));
  const topics = Math.max(10, Math.round(count / 100));
  const centres = Array.from({ length: topics }, () => unit(Float32Array.from({ length: DIMS }, random.gauss)));
  const topicWords = Array.from({ length: topics }, () =>
    Array.from({ length: 8 }, () => `t${random.next().toString(36).slice(2, 8)}`),
  );
  const spread = 0.9 / Math.sqrt(DIMS);
  const near = (vector: Float32Array, scale: number) =>
    unit(vector.map((value) => value + random.gauss() * spread * scale));
  const texts: string[] = [];
  const vectors: Float32Array[] = [];
  for (let i = 0; i < count; i++) {
    const topic = i % topics;
    const own = topicWords[topic] ?? [];
    const words = [
      ...Array.from({ length: 4 }, () => own[Math.floor(random.next() * own.length)]),
      ...Array.from({ length: 16 }, zipfWord),
    ];
    texts.push(words.join(' '));
    vectors.push(near(centres[topic] ?? new Float32Array(DIMS), 1));
  }
  const asked = Array.from({ length: queries }, () => {
    const source = Math.floor(random.next() * count);
    const words = (texts[source] ?? '').split(' ');
    return {
      text: [words[0], words[5], words[9], zipfWord()].join(' '),
      vector: near(vectors[source] ?? new Float32Array(DIMS), 0.7),
    };
  });
  return { texts, vectors, queries: asked };
}

/** Hands out the corpus's own vectors: the bench times retrieval, not the sentence encoder. */
function lookupEmbedder(corpus: Corpus, pairVectors: Float32Array[]): PersonaEmbedder {
  const known = new Map(corpus.queries.map((query) => [query.text, query.vector]));
  return {
    model: { name: 'bench-synthetic', revision: '1', dtype: 'fp32' },
    async embed(texts) {
      return texts.map((text) => known.get(text) ?? pairVectors[0] ?? new Float32Array(DIMS));
    },
  };
}

async function replyContext(persona: OpenedPersona, query: string) {
  const [passages, pairs] = await Promise.all([
    persona.knowledge(query, KNOWLEDGE),
    persona.exemplars(query, EXEMPLARS),
  ]);
  return [...passages.map((hit) => hit.item.id), ...pairs.map((hit) => hit.item.id)];
}

export const scaleRetrievalBenchmark: Benchmark = {
  name: 'scale: retrieval latency of a reply’s context as the persona grows, exact vs HNSW',
  async run(context) {
    const sizes = context.quick ? SIZES.quick : SIZES.full;
    const queryCount = context.quick ? QUERIES.quick : QUERIES.full;
    const rows: BenchRow[] = [];
    const exactP99s: number[] = [];
    const hnswP99s: number[] = [];
    for (const size of sizes) {
      const corpus = syntheticCorpus(size, queryCount, size);
      const pairCorpus = syntheticCorpus(PAIRS, 0, size + 1);
      const snapshot = buildPersonaSnapshot({
        avatarId: 'bench-avatar',
        runId: `bench-run-${size}`,
        builtAt: new Date().toISOString(),
        card: emptyPersonaCard(),
        settings: {},
        corpus: [],
        passages: corpus.texts.map((text, i) => ({
          id: `p${i}`,
          materialId: 'm',
          text,
          language: 'en',
          startSec: null,
          endSec: null,
        })),
        pairs: pairCorpus.texts.map((text, i) => ({ id: `q${i}`, materialId: 'm', prompt: text, reply: `reply ${i}` })),
        heldOutPairIds: [],
        style: styleProfileOf(pairCorpus.texts.slice(0, 50)),
        dense: {
          embedder: { name: 'bench-synthetic', revision: '1', dtype: 'fp32' },
          passages: corpus.vectors,
          pairPrompts: pairCorpus.vectors,
        },
      });
      const embedder = lookupEmbedder(corpus, pairCorpus.vectors);
      const exact = personaFromSnapshot(snapshot, 'bench', { embedder, approximateFrom: Number.POSITIVE_INFINITY });
      let started = performance.now();
      const hnsw = personaFromSnapshot(snapshot, 'bench', { embedder, approximateFrom: 0 });
      assert.equal(await hnsw.denseIndex, 'approximate', 'the HNSW index was built');
      const buildSeconds = (performance.now() - started) / 1000;
      context.log(`${size} passages: HNSW built in ${buildSeconds.toFixed(1)} s; querying`);

      // Dense candidates alone: the part the index replaces, and its recall@k against the exact scan.
      const matrix = decodeVectors(snapshot.vectors?.passages ?? '', DIMS, size);
      const approximate = approximateNearest(matrix);
      const depth = retrievalDepth(KNOWLEDGE);
      let denseRecall = 0;
      let contextRecall = 0;
      const exactMs: number[] = [];
      const hnswMs: number[] = [];
      for (const [i, query] of corpus.queries.entries()) {
        const truth = new Set(nearestRows(matrix, query.vector, depth).map((hit) => hit.index));
        denseRecall += approximate(query.vector, depth).filter((hit) => truth.has(hit.index)).length / truth.size;
        // Alternate which side goes first, so neither always meets a warmer cache.
        const order = i % 2 === 0 ? ([exact, hnsw] as const) : ([hnsw, exact] as const);
        const found = new Map<OpenedPersona, string[]>();
        for (const persona of order) {
          started = performance.now();
          found.set(persona, await replyContext(persona, query.text));
          (persona === exact ? exactMs : hnswMs).push(performance.now() - started);
        }
        const exactIds = new Set(found.get(exact));
        contextRecall += (found.get(hnsw) ?? []).filter((id) => exactIds.has(id)).length / Math.max(1, exactIds.size);
      }
      denseRecall /= corpus.queries.length;
      contextRecall /= corpus.queries.length;
      exactP99s.push(percentile(exactMs, 0.99));
      hnswP99s.push(percentile(hnswMs, 0.99));
      const exactGrowth = growthVerdict(sizes.slice(0, exactP99s.length), exactP99s);
      const hnswGrowth = growthVerdict(sizes.slice(0, hnswP99s.length), hnswP99s);
      const sizeText = size.toLocaleString('en-US');
      rows.push({
        benchmark: `scale: a reply's retrieval context with ${sizeText} passages, exact (anchor) vs HNSW, p50`,
        unit: 'ms',
        anchor: median(exactMs),
        ours: median(hnswMs),
        anchorSamples: [percentile(exactMs, 0.5), percentile(exactMs, 0.99)],
        oursSamples: [percentile(hnswMs, 0.5), percentile(hnswMs, 0.99)],
        target: {
          text:
            `p99 exact ${percentile(exactMs, 0.99).toFixed(1)} ms, HNSW ${percentile(hnswMs, 0.99).toFixed(1)} ms; ` +
            `HNSW recall@${depth} of the dense candidates ${denseRecall.toFixed(3)}, of the reply's ${KNOWLEDGE + EXEMPLARS} context items ${contextRecall.toFixed(3)}` +
            (exactP99s.length > 1
              ? `; exact p99 ${exactGrowth.text}; HNSW p99 ${hnswGrowth.text}`
              : '; the baseline size'),
          met: denseRecall >= 0.95,
        },
        note:
          `${queryCount} queries, each timed on both sides in alternating order: knowledge(${KNOWLEDGE}) + exemplars(${EXEMPLARS}) ` +
          `over ${sizeText} passages and ${PAIRS} pairs (BM25 + ${DIMS}-d dense, fused by rank); ` +
          `exact = the reply worker's full scan (nearestRows), HNSW = USearch (M 16, ef 256), built on a worker thread in ${buildSeconds.toFixed(1)} s after open (exact meanwhile); ` +
          'synthetic clustered corpus (see scale-retrieval.bench.ts); goal: HNSW recall ≥ 0.95; samples are p50, p99',
      });
    }
    return rows;
  },
};
