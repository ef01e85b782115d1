import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AutoTokenizer, ChatterboxModel, type PreTrainedTokenizer } from '@huggingface/transformers';
import { dtypeSuffixes } from './capabilities.ts';
import { assertModelInstalled } from './check-models.ts';
import { onnxChoice } from './load-models.ts';
import type { ModelSettings } from './model-settings.ts';
import { loadOffline, loadOnce } from './offline-loading.ts';

/** A loaded Chatterbox Multilingual: its four ONNX graphs, its tokenizer, and where its files are. */
export interface VoiceCloner {
  readonly name: string;
  readonly model: ChatterboxModel;
  readonly tokenizer: PreTrainedTokenizer;
  /** The export's own reference voice, spoken when no consented sample exists. */
  readonly defaultVoicePath: string;
}

const GRAPHS = ['speech_encoder', 'embed_tokens', 'language_model', 'conditional_decoder'] as const;

/**
 * Loads the `tts-clone` model once per process, offline. Chatterbox's
 * graphs keep their weights in `<graph>.onnx_data` beside them when large
 * (fp32); which graphs do is read from the directory, so quantised exports
 * with single-file graphs load too.
 */
export function loadVoiceCloner(settings: ModelSettings): Promise<VoiceCloner> {
  const choice = settings.choices['tts-clone'];
  const key = `chatterbox|${settings.modelsDir}|${choice.name}|${choice.dtype}`;
  return loadOnce(key, async () => {
    const directory = await assertModelInstalled(settings, choice);
    const suffix = dtypeSuffixes[choice.dtype];
    const external: Record<string, number> = {};
    for (const graph of GRAPHS) {
      const file = `${graph}${suffix}.onnx`;
      if (await isFile(join(directory, 'onnx', `${file}_data`))) external[file] = 1;
    }
    return loadOffline(settings.modelsDir, async () => {
      const tokenizer = await AutoTokenizer.from_pretrained(choice.name);
      const model = (await ChatterboxModel.from_pretrained(choice.name, {
        dtype: onnxChoice(choice).dtype,
        device: 'cpu',
        use_external_data_format: external,
      })) as ChatterboxModel;
      return { name: choice.name, model, tokenizer, defaultVoicePath: join(directory, 'default_voice.wav') };
    });
  });
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}
