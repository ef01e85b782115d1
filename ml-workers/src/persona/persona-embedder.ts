import type { FeatureExtractionPipeline } from '@huggingface/transformers';
import { loadTextEmbedder, type ModelSettings } from '../models/index.ts';

/** Which model made a set of vectors: vectors of different models are never compared. */
export interface EmbedderModel {
  readonly name: string;
  readonly revision: string;
  readonly dtype: string;
}

/** A sentence encoder as persona retrieval uses it: unit vectors, one per text. */
export interface PersonaEmbedder {
  readonly model: EmbedderModel;
  /** `query` for what is searched with, `passage` for what is searched in (some models embed them differently). */
  embed(texts: readonly string[], role: 'query' | 'passage'): Promise<Float32Array[]>;
}

// E5 models were trained with these prefixes and lose much of their accuracy without them.
const rolePrefixes = (name: string) =>
  /(^|[/-])e5[-_]/i.test(name) ? { query: 'query: ', passage: 'passage: ' } : null;

/** Wraps a transformers.js feature-extraction pipeline: mean pooling, normalised. */
export function personaEmbedderFrom(extractor: FeatureExtractionPipeline, model: EmbedderModel): PersonaEmbedder {
  const prefixes = rolePrefixes(model.name);
  return {
    model,
    async embed(texts, role) {
      if (texts.length === 0) return [];
      const inputs = texts.map((text) => (prefixes ? prefixes[role] + text : text));
      const output = await extractor(inputs, { pooling: 'mean', normalize: true });
      const [rows, dims] = output.dims as [number, number];
      const data = output.data as Float32Array;
      return Array.from({ length: rows }, (_, i) => data.slice(i * dims, (i + 1) * dims));
    },
  };
}

/** The configured embedder (BISHOP_EMBEDDER_MODEL); throws ModelMissingError when it is not installed. */
export async function loadPersonaEmbedder(settings: ModelSettings): Promise<PersonaEmbedder> {
  const choice = settings.choices.embedder;
  const extractor = await loadTextEmbedder(settings);
  return personaEmbedderFrom(extractor, { name: choice.name, revision: choice.revision, dtype: choice.dtype });
}
