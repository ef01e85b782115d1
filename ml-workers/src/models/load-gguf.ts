import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Llama, LlamaModel } from 'node-llama-cpp';
import { assertModelInstalled } from './check-models.ts';
import type { ModelSettings } from './model-settings.ts';
import { loadOnce } from './offline-loading.ts';

/**
 * llama.cpp's CPU build, once per process. `build: 'never'` uses only the
 * prebuilt binary npm installed (never a download or a compile at run time);
 * `gpu: false` because the GPU builds are left out of the default install.
 */
function llamaRuntime(): Promise<Llama> {
  return loadOnce('llama.cpp', async () => {
    // Imported when first needed: only the reply worker runs llama.cpp, and its bindings cost every process ≈ 20 MB.
    const { getLlama, LlamaLogLevel } = await import('node-llama-cpp');
    return getLlama({ gpu: false, build: 'never', logLevel: LlamaLogLevel.error });
  });
}

/**
 * Threads for token evaluation: the operator's number, else one per core that
 * does the maths (llama.cpp's count of performance cores), leaving one core
 * of the process's share to the event loop and the other workers. llama.cpp's
 * threads wait for each other at every layer, so one descheduled thread
 * stalls them all: on 2 busy cores, 2 threads decoded 1 token/s where 1
 * thread decoded 22 (SmolLM2-135M).
 */
export async function llamaThreads(requested?: number): Promise<number> {
  if (requested && requested > 0) return requested;
  const llama = await llamaRuntime();
  return Math.max(1, Math.min(llama.cpuMathCores, availableParallelism() - 1));
}

/** Loads the `llm` model's GGUF file (the `.gguf` of its layout), once per process. */
export function loadGgufModel(settings: ModelSettings, threads?: number): Promise<LlamaModel> {
  const choice = settings.choices.llm;
  return loadOnce(`gguf|${settings.modelsDir}|${choice.name}`, async () => {
    const directory = await assertModelInstalled(settings, choice);
    const file = choice.files.find((name) => name.endsWith('.gguf'));
    if (!file) throw new Error(`The llm model ${choice.name} lists no .gguf file`);
    const llama = await llamaRuntime();
    llama.maxThreads = await llamaThreads(threads);
    return llama.loadModel({ modelPath: join(directory, file) });
  });
}
