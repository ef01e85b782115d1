import { type Capability, capabilities, checkModels, modelSettings, pullModels } from '@bishop/ml-workers/models';
import type { BishopConfig } from '../config/config.ts';

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
      console.log(`${status.ready ? 'ok     ' : 'MISSING'}  ${status.capability.padEnd(8)} ${status.model}`);
      for (const path of status.missing) console.log(`           missing ${path}`);
    }
    return statuses.every((status) => status.ready) ? 0 : 1;
  }
  if (action === 'pull') {
    console.log(`Downloading into ${settings.modelsDir} (files already there and verified are kept)`);
    const results = await pullModels(settings, {
      only,
      onProgress: (progress) => console.log(`  ${JSON.stringify(progress)}`),
    });
    for (const result of results) {
      console.log(
        `${result.status.padEnd(10)} ${result.capability.padEnd(8)} ${result.model}${result.error ? `: ${result.error}` : ''}`,
      );
    }
    return results.every((result) => result.status !== 'failed') ? 0 : 1;
  }
  console.error('Usage: bishop models check|pull [capability…]');
  return 1;
}

function parseCapabilities(names: string[]): Capability[] {
  const unknown = names.filter((name) => !(capabilities as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new Error(`Unknown capability ${unknown.join(', ')}; choose from ${capabilities.join(', ')}`);
  }
  return names as Capability[];
}
