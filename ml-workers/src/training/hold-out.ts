import { createHash } from 'node:crypto';

/**
 * Whether a dialogue pair is kept out of training for the avatar test. It
 * depends only on the pair's content hash, so the same pairs are held out
 * whatever the order of materials, and a pair held out once stays held out in
 * every later run: versions are compared on the same messages.
 */
export function isHeldOut(pairContentHash: string, share: number): boolean {
  if (share <= 0) return false;
  const digest = createHash('sha256').update(`bishop.holdout/1\u0000${pairContentHash}`).digest();
  // The first 48 bits as a uniform number in [0, 1).
  return digest.readUIntBE(0, 6) / 2 ** 48 < share;
}
