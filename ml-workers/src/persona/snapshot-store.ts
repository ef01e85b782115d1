import { createHash } from 'node:crypto';
import { personaSnapshotBlobKey } from '@bishop/domain';
import type { BlobStore } from '@bishop/domain/ports';
import { readBlob } from '../workers/blob-files.ts';
import {
  decodePersonaSnapshot,
  encodePersonaSnapshot,
  type PersonaSnapshot,
  PersonaSnapshotError,
} from './persona-snapshot.ts';

/** Writes the snapshot under the SHA-256 of its bytes; the same snapshot always lands on the same key. */
export async function writePersonaSnapshot(
  blobs: BlobStore,
  snapshot: PersonaSnapshot,
): Promise<{ key: string; sha256: string; sizeBytes: number }> {
  const bytes = encodePersonaSnapshot(snapshot);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const key = personaSnapshotBlobKey(snapshot.avatarId, sha256);
  await blobs.put(key, bytes, { contentType: 'application/json' });
  return { key, sha256, sizeBytes: bytes.length };
}

/** Reads a snapshot and checks its bytes still hash to the name they were stored under. */
export async function readPersonaSnapshot(blobs: BlobStore, key: string): Promise<PersonaSnapshot> {
  const bytes = await readBlob(blobs, key);
  const expected = key.split('/').at(-1) ?? '';
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (/^[0-9a-f]{64}$/.test(expected) && actual !== expected) {
    throw new PersonaSnapshotError(`The persona snapshot at ${key} is damaged: its content hash is ${actual}`);
  }
  return decodePersonaSnapshot(bytes);
}
