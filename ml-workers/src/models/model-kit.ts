import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Capability, dtypeVariable, modelVariable } from './capabilities.ts';
import { type ModelSettings, modelSettings } from './model-settings.ts';

/**
 * The real-model kit's description (`kit.json`, written by
 * `npm run models:real`): which real models it laid out as a models
 * directory, and why each missing capability is missing. Tests, benchmarks
 * and the quality report take real weights from here.
 */
export interface ModelKit {
  readonly modelsDir: string;
  readonly models: readonly KitModel[];
  readonly unavailable: readonly { readonly capability: string; readonly model?: string; readonly reason: string }[];
}

export interface KitModel {
  readonly capability: Capability;
  readonly model: string;
  readonly dtype: string;
}

export type KitChoice =
  | { readonly settings: ModelSettings; readonly model: KitModel; readonly env: Record<string, string> }
  | { readonly skip: string };

/** Reads `<root>/kit.json`; undefined when the kit was never fetched. */
export function readModelKit(root: string): ModelKit | undefined {
  try {
    return JSON.parse(readFileSync(join(root, 'kit.json'), 'utf8')) as ModelKit;
  } catch {
    return undefined;
  }
}

/** Settings (and the environment a Bishop process needs) that use a kit model for `capability`, or why there is none. */
export function kitModel(root: string, capability: Capability, name?: string): KitChoice {
  const kit = readModelKit(root);
  if (!kit) return { skip: `no real-model kit in ${root} (run npm run models:real)` };
  const model = kit.models.find((m) => m.capability === capability && (name === undefined || m.model === name));
  if (!model) {
    const why = kit.unavailable.find((u) => u.capability === capability)?.reason ?? 'not in the kit';
    return { skip: `no real ${capability} model${name ? ` ${name}` : ''} in the kit: ${why}` };
  }
  const env = {
    BISHOP_MODELS_DIR: kit.modelsDir,
    [modelVariable(capability)]: model.model,
    [dtypeVariable(capability)]: model.dtype,
  };
  return { model, env, settings: modelSettings(kit.modelsDir, env) };
}

/** Settings that take every one of `wanted` from the kit (its first model of each), or why one is missing. */
export function kitModels(
  root: string,
  wanted: readonly Capability[],
): { readonly settings: ModelSettings; readonly env: Record<string, string> } | { readonly skip: string } {
  let env: Record<string, string> = {};
  for (const capability of wanted) {
    const choice = kitModel(root, capability);
    if ('skip' in choice) return choice;
    env = { ...env, ...choice.env };
  }
  const modelsDir = env.BISHOP_MODELS_DIR ?? root;
  return { env, settings: modelSettings(modelsDir, env) };
}
