import type { ModelChoice } from '../models/index.ts';

/**
 * The rule for "is this figure meaningful": a figure made with a test model
 * proves the code path only. A local model (BISHOP_MODELS_DIR) is a test model
 * when its name ends in `-random` (tests/models' random-weight models) or the
 * catalogue does not know it (e.g. `speaker-procedural`, or a model an operator
 * picked whose quality nobody here has checked). A remote LLM endpoint is the
 * operator's choice and counts as real unless its name ends in `-random`.
 */
export function isTestModel(choice: Pick<ModelChoice, 'name' | 'catalogue'>): boolean {
  return choice.name.endsWith('-random') || choice.catalogue === undefined;
}

export function isTestRemoteModel(name: string): boolean {
  return name.endsWith('-random');
}
