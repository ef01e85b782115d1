import {
  type Capability,
  capabilities,
  checkModels,
  missingModelsAdvice,
  modelSettings,
  pullModels,
} from '@bishop/ml-workers/models';
import type { BishopConfig } from '../config/config.ts';

/** How to prepare a models directory on a machine with internet and use it on one without. */
export const offlineCopyAdvice = [
  'Offline machines: on a machine with internet run',
  '  BISHOP_MODELS_DIR=/path/to/bishop-models ./bishop models pull',
  'copy that folder to the offline machine (every model keeps its bishop-manifest.json with sha256s), and start',
  'Bishop there with BISHOP_MODELS_DIR pointing at it; `./bishop models check` verifies the copy.',
];

/** `bishop models check` / `bishop models pull [capability…]`. */
export async function runModelsCommand(
  config: BishopConfig,
  action: string | undefined,
  names: string[],
): Promise<number> {
  const settings = modelSettings(config.modelsDir);
  const only = names.length > 0 ? parseCapabilities(names) : [...capabilities];
  if (action === 'check') {
    const statuses = await checkModels(settings, only);
    console.log(`Models directory: ${settings.modelsDir}`);
    for (const status of statuses) {
      const size = status.ready ? '' : ` (${settings.choices[status.capability].catalogue?.size ?? 'size unknown'})`;
      console.log(`${status.ready ? 'ok     ' : 'MISSING'}  ${status.capability.padEnd(9)} ${status.model}${size}`);
      for (const path of status.missing) console.log(`           missing ${path}`);
    }
    const advice = missingModelsAdvice(statuses, settings);
    console.log(advice.length > 0 ? `\n${advice.join('\n')}` : '\nEvery model is installed. Next: ./bishop start');
    return statuses.every((status) => status.ready) ? 0 : 1;
  }
  if (action === 'pull') {
    console.log(
      `Downloading into ${settings.modelsDir} (files already there and verified are kept; interrupted files resume)`,
    );
    const results = await pullModels(settings, {
      only,
      onProgress: progressPrinter(),
    });
    for (const result of results) {
      console.log(
        `${result.status.padEnd(10)} ${result.capability.padEnd(9)} ${result.model}${result.error ? `\n           ${result.error}` : ''}`,
      );
    }
    const failed = results.filter((result) => result.status === 'failed');
    if (failed.length === 0) {
      console.log('\nDone. Next: ./bishop start (or ./bishop models check)');
      return 0;
    }
    console.log(
      `\n${failed.length} model(s) could not be downloaded (reasons above). Run the same command again to resume.`,
    );
    console.log(offlineCopyAdvice.join('\n'));
    return 1;
  }
  console.error('Usage: bishop models check|pull [capability…]');
  return 1;
}

/** One line per file every 10 %, not one per chunk. */
function progressPrinter() {
  const shown = new Map<string, number>();
  return (progress: {
    capability: Capability;
    file: string;
    receivedBytes: number;
    totalBytes: number | undefined;
  }) => {
    const key = `${progress.capability}/${progress.file}`;
    const share = progress.totalBytes ? Math.floor((progress.receivedBytes / progress.totalBytes) * 10) : 0;
    if (shown.get(key) === share) return;
    shown.set(key, share);
    const total = progress.totalBytes ? ` of ${(progress.totalBytes / 1e6).toFixed(1)} MB` : '';
    console.log(
      `  ${progress.capability.padEnd(9)} ${progress.file}: ${(progress.receivedBytes / 1e6).toFixed(1)} MB${total}`,
    );
  };
}

function parseCapabilities(names: string[]): Capability[] {
  const unknown = names.filter((name) => !(capabilities as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new Error(`Unknown capability ${unknown.join(', ')}; choose from ${capabilities.join(', ')}`);
  }
  return names as Capability[];
}
