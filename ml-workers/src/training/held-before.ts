import type { BlobStore } from '@bishop/domain/ports';
import { heldOutPairHashesOf, readPersonaSnapshot } from '../persona/index.ts';

/**
 * The pairs earlier versions held out, read from the newest version's
 * snapshot (each snapshot carries the list forward). An unreadable snapshot
 * does not stop training, but the run says what it could not keep.
 */
export async function pairsHeldBefore(
  blobs: BlobStore,
  latestSnapshotKey: string | null,
): Promise<{ hashes: ReadonlySet<string>; notes: string[] }> {
  if (latestSnapshotKey === null) return { hashes: new Set(), notes: [] };
  try {
    return { hashes: heldOutPairHashesOf(await readPersonaSnapshot(blobs, latestSnapshotKey)), notes: [] };
  } catch (error) {
    return {
      hashes: new Set(),
      notes: [
        `The previous version's snapshot could not be read (${(error as Error).message}), so the pairs it held out for the avatar test may be trained on in this one`,
      ],
    };
  }
}
