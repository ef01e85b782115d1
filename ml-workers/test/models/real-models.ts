import { fileURLToPath } from 'node:url';
import { type Capability, type KitChoice, kitModel, kitModels } from '../../src/models/index.ts';

/** Where `npm run models:real` puts the real-model kit (BISHOP_REAL_MODELS_DIR overrides). */
export const realModelsRoot =
  process.env.BISHOP_REAL_MODELS_DIR ?? fileURLToPath(new URL('../../../.cache/real-models/', import.meta.url));

/** A kit model for `capability` (the named one, else the first), or the kit's reason why there is none. */
export function realModel(capability: Capability, name?: string): KitChoice {
  return kitModel(realModelsRoot, capability, name);
}

/** Settings taking every one of `capabilities` from the kit, or the kit's reason why one is missing. */
export function realModels(capabilities: readonly Capability[]): ReturnType<typeof kitModels> {
  return kitModels(realModelsRoot, capabilities);
}
