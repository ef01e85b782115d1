import {
  type FidelityMetricName,
  type StyleProfile,
  styleDistance,
  styleProfileOf,
  trainAuthorship,
} from '@bishop/domain';
import type { PersonaEmbedder } from '../persona/index.ts';

/** Raw score of text `t` against reference `r` (a held-out real reply); higher is closer to the person. */
export type ScoreOf = (text: number, reference: number) => number;

/** One way of scoring how much a text is like the person's. */
export interface TextScorer {
  readonly metric: Extract<FidelityMetricName, 'embeddingSimilarity' | 'styleSimilarity' | 'authorship'>;
  readonly unit: string;
  readonly models: readonly string[];
  readonly testModel: boolean;
  score(texts: readonly string[], references: readonly string[]): Promise<ScoreOf>;
}

const EMBED_BATCH = 32;

/** Cosine similarity of sentence embeddings between a reply and the person's real reply to the same message. */
export function embeddingScorer(embedder: PersonaEmbedder, testModel: boolean): TextScorer {
  return {
    metric: 'embeddingSimilarity',
    unit: 'cosine similarity to the real reply',
    models: [embedder.model.name],
    testModel,
    async score(texts, references) {
      const all = [...texts, ...references];
      const vectors: Float32Array[] = [];
      for (let start = 0; start < all.length; start += EMBED_BATCH) {
        vectors.push(...(await embedder.embed(all.slice(start, start + EMBED_BATCH), 'passage')));
      }
      return (t, r) => dot(vectors[t] as Float32Array, vectors[texts.length + r] as Float32Array);
    },
  };
}

/** 1 − style distance between the reply's stylometrics and the person's style profile. */
export function styleScorer(person: StyleProfile): TextScorer {
  return {
    metric: 'styleSimilarity',
    unit: '1 − stylometric distance to the person’s style profile',
    models: [],
    testModel: false,
    async score(texts) {
      const scores = texts.map((text) => 1 - styleDistance(styleProfileOf([text]), person));
      return (t) => scores[t] as number;
    },
  };
}

/** Character n-gram log-likelihood ratio: the person's training text against generic text of the language. */
export function authorshipScorer(personTexts: readonly string[], genericTexts: readonly string[]): TextScorer {
  const classifier = trainAuthorship(personTexts, genericTexts);
  return {
    metric: 'authorship',
    unit: 'char n-gram log-likelihood ratio, person vs generic (nats per n-gram)',
    models: [],
    testModel: false,
    async score(texts) {
      const scores = texts.map((text) => classifier.score(text));
      return (t) => scores[t] as number;
    },
  };
}

// Persona embedders return unit vectors, so the dot product is the cosine.
function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}
