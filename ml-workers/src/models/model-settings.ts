import { isAbsolute, join, resolve } from 'node:path';
import {
  type Capability,
  capabilities,
  dtypeSuffixes,
  dtypeVariable,
  ggufCapabilities,
  isModelDtype,
  layoutFiles,
  type ModelDtype,
  modelVariable,
} from './capabilities.ts';
import { type CatalogueEntry, defaultModels } from './catalogue.ts';
import { knownModels } from './known-models.ts';

/** The model configured for one capability, with everything needed to find, check and fetch its files. */
export interface ModelChoice {
  readonly capability: Capability;
  /** Hugging Face repository id, and the folder under the models directory. */
  readonly name: string;
  readonly revision: string;
  readonly dtype: ModelDtype;
  /** Paths inside the model directory that must exist. */
  readonly files: readonly string[];
  readonly sha256: Readonly<Record<string, string>>;
  /** Set when the name is a catalogue entry (license, size, why). */
  readonly catalogue?: CatalogueEntry;
}

export interface ModelSettings {
  readonly modelsDir: string;
  readonly choices: Readonly<Record<Capability, ModelChoice>>;
}

export class ModelConfigError extends Error {
  override readonly name = 'ModelConfigError';
}

/** BISHOP_MODELS_DIR, or `<data dir>/models`. */
export function resolveModelsDir(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.BISHOP_MODELS_DIR || join(dataDir, 'models'));
}

/**
 * Which model serves each capability: the catalogue default unless
 * `BISHOP_<CAPABILITY>_MODEL` / `_DTYPE` say otherwise. Throws one
 * ModelConfigError listing every bad variable.
 */
export function modelSettings(modelsDir: string, env: NodeJS.ProcessEnv = process.env): ModelSettings {
  const problems: string[] = [];
  const choices = {} as Record<Capability, ModelChoice>;
  for (const capability of capabilities) {
    const name = env[modelVariable(capability)] || defaultModels[capability].name;
    const catalogue = [...Object.values(defaultModels), ...knownModels].find(
      (entry) => entry.name === name && entry.capability === capability,
    );
    const dtype = env[dtypeVariable(capability)] || catalogue?.dtype || 'fp32';
    if (!isSafeModelName(name)) {
      problems.push(`${modelVariable(capability)} must be a model name like "owner/model" (got "${name}")`);
    }
    if (!isModelDtype(dtype)) {
      problems.push(
        `${dtypeVariable(capability)} must be one of ${Object.keys(dtypeSuffixes).join(', ')} (got "${dtype}")`,
      );
      continue;
    }
    if (dtype === 'gguf' && !ggufCapabilities.includes(capability)) {
      problems.push(`${dtypeVariable(capability)}=gguf: only ${ggufCapabilities.join(', ')} can run a GGUF model`);
      continue;
    }
    // An explicit file list belongs to the catalogue's dtype; another dtype means other files.
    const files = catalogue?.files && dtype === catalogue.dtype ? catalogue.files : layoutFiles(capability, dtype);
    choices[capability] = {
      capability,
      name,
      revision: catalogue?.revision ?? 'main',
      dtype,
      files,
      sha256: catalogue?.sha256 ?? {},
      ...(catalogue ? { catalogue } : {}),
    };
  }
  if (problems.length > 0) {
    throw new ModelConfigError(`Invalid model configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  return { modelsDir: resolve(modelsDir), choices };
}

/** Where a model's files live. */
export function modelDirectory(settings: ModelSettings, choice: ModelChoice): string {
  return join(settings.modelsDir, ...choice.name.split('/'));
}

// Names become paths under the models directory and URL segments on the hub.
function isSafeModelName(name: string): boolean {
  return (
    !isAbsolute(name) &&
    name.split('/').every((segment) => /^[\w.-]+$/.test(segment) && segment !== '.' && segment !== '..')
  );
}
