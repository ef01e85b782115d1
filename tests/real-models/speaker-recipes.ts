import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type KitRecipe, lastLine } from './kit-recipes.ts';
import { extractFolder } from './pypi-wheels.ts';

/**
 * Speaker encoder: Resemblyzer's d-vector network (pretrained.pt inside the PyPI package) and its mel
 * front end as two ONNX graphs; ml-workers' resemblyzer-embedder runs them (convert/resemblyzer_to_onnx.py).
 */
export const speakerRecipes: readonly KitRecipe[] = [
  {
    capability: 'speaker',
    model: 'resemble-ai/resemblyzer',
    dtype: 'fp32',
    wheels: [
      {
        name: 'resemblyzer',
        version: '0.1.4',
        sha256: '8f12eb2f1a9982d32e8db7856de754709b59c93a77bcf0ff536584b619a9dd1f',
      },
    ],
    upstream:
      'resemble-ai/Resemblyzer voice encoder (GE2E, 3-layer LSTM, 256-d), pretrained.pt of the PyPI package, ' +
      'exported to ONNX (encoder + mel front end) by the kit and checked against PyTorch and a librosa-compatible mel',
    license: 'Apache-2.0 (resemble-ai/Resemblyzer)',
    outputs: {
      'onnx/mel.onnx': '*',
      'onnx/encoder.onnx': '*',
      'config.json': '1eaa1911db3c6761c219521fd00d8c69fc404de22e35da3743fcccc319143ffd',
    },
    needsPython: true,
    async build(kit) {
      const source = join(kit.directory, '.source');
      await extractFolder(await kit.wheel('resemblyzer'), 'resemblyzer/', source);
      const report = await kit.python('resemblyzer_to_onnx.py', [source, kit.directory]);
      await writeFile(join(kit.directory, 'CONVERSION.json'), lastLine(report));
      await rm(source, { recursive: true });
    },
  },
];
