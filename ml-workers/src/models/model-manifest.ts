import { randomUUID } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What `pullModels` fetched into a model directory: revision and each file's sha256, for audits and re-checks. */
export interface ModelManifest {
  readonly model: string;
  readonly revision: string;
  readonly files: Readonly<Record<string, { readonly sha256: string; readonly bytes: number }>>;
}

export const manifestFileName = 'bishop-manifest.json';

export async function readManifest(directory: string): Promise<ModelManifest | undefined> {
  try {
    return JSON.parse(await readFile(join(directory, manifestFileName), 'utf8')) as ModelManifest;
  } catch {
    return undefined;
  }
}

export async function writeManifest(directory: string, manifest: ModelManifest): Promise<void> {
  const path = join(directory, manifestFileName);
  const temporary = `${path}.${randomUUID()}.part`;
  await writeFile(temporary, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(temporary, path);
}
