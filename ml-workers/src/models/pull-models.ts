import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type Capability, capabilities } from './capabilities.ts';
import { downloadFile, sha256OfFile } from './download-file.ts';
import { type ModelManifest, readManifest, writeManifest } from './model-manifest.ts';
import { type ModelChoice, type ModelSettings, modelDirectory } from './model-settings.ts';

export const huggingFaceHub = 'https://huggingface.co';

export interface PullOptions {
  /** Base URL of the hub; tests point it at a local server. */
  readonly hubUrl?: string;
  readonly only?: readonly Capability[];
  readonly signal?: AbortSignal;
  /** Give up on a file when no byte arrives for this long (default 60 s); the next pull resumes it. */
  readonly stallTimeoutMs?: number;
  readonly onProgress?: (progress: PullProgress) => void;
}

export interface PullProgress {
  readonly capability: Capability;
  readonly file: string;
  readonly receivedBytes: number;
  readonly totalBytes: number | undefined;
}

export interface PullResult {
  readonly capability: Capability;
  readonly model: string;
  readonly status: 'downloaded' | 'present' | 'failed';
  /** Files fetched in this run. */
  readonly downloaded: readonly string[];
  /** Why it failed, in words; the model's other files stay as they were. */
  readonly error?: string;
}

/**
 * Fetches every configured model's files from the hub
 * (`<hub>/<model>/resolve/<revision>/<file>`) into the models directory.
 * Files already present and matching their pin (or their manifest record) are
 * kept. One model failing does not stop the others; see each result.
 */
export async function pullModels(settings: ModelSettings, options: PullOptions = {}): Promise<PullResult[]> {
  const results: PullResult[] = [];
  for (const capability of options.only ?? capabilities) {
    results.push(await pullModel(settings, settings.choices[capability], options));
  }
  return results;
}

async function pullModel(settings: ModelSettings, choice: ModelChoice, options: PullOptions): Promise<PullResult> {
  const directory = modelDirectory(settings, choice);
  const hub = (options.hubUrl ?? huggingFaceHub).replace(/\/+$/, '');
  const previous = await readManifest(directory);
  let manifest: ModelManifest = {
    model: choice.name,
    revision: choice.revision,
    files: previous?.revision === choice.revision ? previous.files : {},
  };
  const downloaded: string[] = [];
  const base = { capability: choice.capability, model: choice.name };
  try {
    for (const file of choice.files) {
      const destination = join(directory, file);
      const pinned = choice.sha256[file];
      const kept = await keptFile(destination, manifest.files[file], pinned);
      if (kept) {
        manifest = { ...manifest, files: { ...manifest.files, [file]: kept } };
        continue;
      }
      const url = `${hub}/${choice.name}/resolve/${encodeURIComponent(choice.revision)}/${file.split('/').map(encodeURIComponent).join('/')}`;
      const fetched = await downloadFile(url, destination, {
        ...(pinned ? { expectedSha256: pinned } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.stallTimeoutMs ? { stallTimeoutMs: options.stallTimeoutMs } : {}),
        onBytes: (receivedBytes, totalBytes) =>
          options.onProgress?.({ capability: choice.capability, file, receivedBytes, totalBytes }),
      });
      downloaded.push(file);
      manifest = { ...manifest, files: { ...manifest.files, [file]: fetched } };
      // Recorded after each file, so an interrupted pull resumes where it stopped.
      await writeManifest(directory, manifest);
    }
    await writeManifest(directory, manifest);
    return { ...base, status: downloaded.length > 0 ? 'downloaded' : 'present', downloaded };
  } catch (error) {
    if (options.signal?.aborted) throw error;
    return { ...base, status: 'failed', downloaded, error: error instanceof Error ? error.message : String(error) };
  }
}

/** A file on disk is kept when it matches its pin; without a pin, when the manifest knows it at that size (or it is hashed now). */
async function keptFile(
  path: string,
  recorded: { sha256: string; bytes: number } | undefined,
  pinned: string | undefined,
): Promise<{ sha256: string; bytes: number } | undefined> {
  const bytes = await stat(path).then(
    (s) => (s.isFile() ? s.size : undefined),
    () => undefined,
  );
  if (bytes === undefined) return undefined;
  const sha256 = recorded?.bytes === bytes ? recorded.sha256 : await sha256OfFile(path);
  if (pinned && sha256 !== pinned) return undefined;
  return { sha256, bytes };
}
