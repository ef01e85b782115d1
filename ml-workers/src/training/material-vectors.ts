import type { BlobStore } from '@bishop/domain/ports';
import { decodeVectors, type EmbedderModel, encodeVectors, vectorMatrix } from '../persona/index.ts';
import { embedderKeyOf, readCached, trainingCacheKey, writeCached } from './training-cache.ts';

/** A material's vectors: one per passage, one per pair prompt, in the order of its cached work. */
export interface MaterialVectors {
  readonly passages: readonly Float32Array[];
  readonly pairPrompts: readonly Float32Array[];
}

interface StoredVectors {
  readonly dims: number;
  readonly passages: { readonly count: number; readonly data: string };
  readonly pairPrompts: { readonly count: number; readonly data: string };
}

/** Vectors depend on the material's work (its hash) and on the model, nothing else. */
export function materialVectorsKey(
  avatarId: string,
  materialId: string,
  workHash: string,
  model: EmbedderModel,
): string {
  return trainingCacheKey(avatarId, materialId, `${workHash}.${embedderKeyOf(model)}.vectors.json`);
}

export async function readMaterialVectors(
  blobs: BlobStore,
  key: string,
  expected: { passages: number; pairPrompts: number },
): Promise<MaterialVectors | null> {
  const stored = await readCached(blobs, key, isStoredVectors);
  if (!stored || stored.passages.count !== expected.passages || stored.pairPrompts.count !== expected.pairPrompts) {
    return null;
  }
  const rows = (part: StoredVectors['passages']) => {
    const matrix = decodeVectors(part.data, stored.dims, part.count);
    return Array.from({ length: part.count }, (_, i) => matrix.data.slice(i * stored.dims, (i + 1) * stored.dims));
  };
  return { passages: rows(stored.passages), pairPrompts: rows(stored.pairPrompts) };
}

export async function writeMaterialVectors(blobs: BlobStore, key: string, vectors: MaterialVectors): Promise<void> {
  const dims = vectors.passages[0]?.length ?? vectors.pairPrompts[0]?.length ?? 0;
  const part = (rows: readonly Float32Array[]) => ({
    count: rows.length,
    data: encodeVectors(vectorMatrix(rows, dims)),
  });
  const stored: StoredVectors = { dims, passages: part(vectors.passages), pairPrompts: part(vectors.pairPrompts) };
  await writeCached(blobs, key, stored);
}

function isStoredVectors(value: unknown): value is StoredVectors {
  const stored = value as Partial<StoredVectors> | null;
  return (
    typeof stored === 'object' &&
    stored !== null &&
    typeof stored.dims === 'number' &&
    typeof stored.passages?.data === 'string' &&
    typeof stored.pairPrompts?.data === 'string'
  );
}
