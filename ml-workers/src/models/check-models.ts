import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type Capability, capabilities } from './capabilities.ts';
import { ModelMissingError } from './model-missing-error.ts';
import { type ModelChoice, type ModelSettings, modelDirectory } from './model-settings.ts';

export interface ModelStatus {
  readonly capability: Capability;
  readonly model: string;
  readonly directory: string;
  /** All files present. */
  readonly ready: boolean;
  /** Absolute paths of the files that are not there. */
  readonly missing: readonly string[];
}

/** Which capabilities have their model files (for /readyz and `bishop models check`); touches no model. */
export async function checkModels(
  settings: ModelSettings,
  only: readonly Capability[] = capabilities,
): Promise<ModelStatus[]> {
  return Promise.all(only.map((capability) => checkModel(settings, settings.choices[capability])));
}

/** Throws ModelMissingError naming the first missing file. */
export async function assertModelInstalled(settings: ModelSettings, choice: ModelChoice): Promise<string> {
  const status = await checkModel(settings, choice);
  const [firstMissing] = status.missing;
  if (firstMissing) throw new ModelMissingError(choice.capability, choice.name, firstMissing);
  return status.directory;
}

async function checkModel(settings: ModelSettings, choice: ModelChoice): Promise<ModelStatus> {
  const directory = modelDirectory(settings, choice);
  const paths = choice.files.map((file) => join(directory, file));
  const present = await Promise.all(paths.map((path) => isFile(path)));
  const missing = paths.filter((_, i) => !present[i]);
  return { capability: choice.capability, model: choice.name, directory, ready: missing.length === 0, missing };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
