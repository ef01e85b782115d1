import { createHash } from 'node:crypto';
import { trainingCacheBlobPrefix } from '@bishop/domain';
import { BlobNotFoundError, type BlobStore } from '@bishop/domain/ports';
import type { EmbedderModel } from '../persona/index.ts';
import { readBlob } from '../workers/blob-files.ts';

/**
 * Per-material results of earlier runs, under the avatar's prefix (deleting
 * the avatar deletes them). Keys are hashes of everything the result depends
 * on, so a hit is always right and nothing is ever invalidated by hand.
 */
export function trainingCacheKey(avatarId: string, materialId: string, name: string): string {
  return `${trainingCacheBlobPrefix(avatarId, materialId)}/${name}`;
}

export function hashOf(...parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}

export function embedderKeyOf(model: EmbedderModel): string {
  return hashOf(model.name, model.revision, model.dtype);
}

/** The cached JSON, or null when there is none (or it cannot be read: then it is recomputed and rewritten). */
export async function readCached<T>(
  blobs: BlobStore,
  key: string,
  isValid: (value: unknown) => value is T,
): Promise<T | null> {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(await readBlob(blobs, key)));
    return isValid(value) ? value : null;
  } catch (error) {
    if (error instanceof BlobNotFoundError || error instanceof SyntaxError) return null;
    throw error;
  }
}

export async function writeCached(blobs: BlobStore, key: string, value: unknown): Promise<void> {
  await blobs.put(key, new TextEncoder().encode(JSON.stringify(value)), { contentType: 'application/json' });
}
