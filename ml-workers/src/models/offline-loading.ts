import { env } from '@huggingface/transformers';

// transformers.js reads its settings from one global `env`; loads run one at a
// time so a load never sees another models directory mid-way.
let queue: Promise<unknown> = Promise.resolve();

/** Runs `load` with transformers.js offline: local files under `modelsDir` only, never the network. */
export function loadOffline<T>(modelsDir: string, load: () => Promise<T>): Promise<T> {
  const run = queue.then(() => {
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = `${modelsDir}/`;
    return load();
  });
  queue = run.catch(() => undefined);
  return run;
}

const loaded = new Map<string, Promise<unknown>>();

/** Loads a model once per process; a failed load is forgotten so a later call can retry (e.g. after `models pull`). */
export function loadOnce<T>(key: string, load: () => Promise<T>): Promise<T> {
  const cached = loaded.get(key);
  if (cached) return cached as Promise<T>;
  const loading = load();
  loaded.set(key, loading);
  loading.catch(() => loaded.delete(key));
  return loading;
}
