import { type LanguageModel, llamaCppLlm, transformersLlm } from '../llm/index.ts';
import { loadGgufModel, loadLlm, type ModelSettings } from '../models/index.ts';

export interface LocalLlmSettings {
  /** Upper bound on the model's window (prompt + reply), to keep CPU prompts affordable. */
  readonly maxContextTokens: number;
  /** CPU threads for llama.cpp (absent: one per core that does the maths). */
  readonly threads?: number | undefined;
  /** Replies one process generates at once (llama.cpp: one context sequence each). */
  readonly parallel?: number;
}

/** The installed `llm` model behind the LLM port: llama.cpp for a GGUF file, transformers.js for ONNX. */
export async function loadLocalLlm(models: ModelSettings, settings: LocalLlmSettings): Promise<LanguageModel> {
  const choice = models.choices.llm;
  if (choice.dtype === 'gguf') {
    return llamaCppLlm(await loadGgufModel(models, settings.threads), {
      modelName: choice.name,
      maxContextTokens: settings.maxContextTokens,
      parallel: settings.parallel ?? 2,
      ...(settings.threads ? { threads: settings.threads } : {}),
    });
  }
  return transformersLlm(await loadLlm(models), {
    modelName: choice.name,
    maxContextTokens: settings.maxContextTokens,
  });
}

/** The engine that runs the configured local model, as /readyz names it. */
export function localEngineName(models: ModelSettings): string {
  return models.choices.llm.dtype === 'gguf' ? 'llama.cpp' : 'transformers.js';
}
