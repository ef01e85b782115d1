import { createHash } from 'node:crypto';

/** Fewer pairs than this cannot spare any for the test without starving training. */
export const minPairsToHoldOut = 15;
/** With enough pairs, at least this many are held out, so the avatar test has something to measure. */
export const minHeldOutPairs = 5;

/** A pair's place in the hold-out order: a uniform number in [0, 1) from its content hash alone. */
export function holdOutRank(pairContentHash: string): number {
  const digest = createHash('sha256').update(`bishop.holdout/1\u0000${pairContentHash}`).digest();
  // The first 48 bits as a uniform number in [0, 1).
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

/** Whether a pair's rank falls in the share drawn for the test (the part of the rule that ignores the others). */
export function isHeldOut(pairContentHash: string, share: number): boolean {
  return share > 0 && holdOutRank(pairContentHash) < share;
}

/**
 * The pairs kept out of training for the avatar test. A pair is held out when
 * its rank falls below `share`, or when an earlier version held it out
 * (`heldBefore`): a pair once held out stays held out, so versions are compared
 * on the same messages and a test never finds a reply its version learnt. With
 * ≥ 15 pairs the lowest-ranked others are added until at least 5 are held out.
 * Ranks depend only on content, so the order of materials changes nothing. A
 * share of 0 holds nothing out: the user chose to train on everything.
 */
export function heldOutPairs(
  pairHashes: readonly string[],
  share: number,
  heldBefore: ReadonlySet<string> = new Set(),
): Set<string> {
  if (share <= 0) return new Set();
  const held = new Set(pairHashes.filter((hash) => isHeldOut(hash, share) || heldBefore.has(hash)));
  if (pairHashes.length < minPairsToHoldOut || held.size >= minHeldOutPairs) return held;
  const byRank = [...pairHashes].sort((a, b) => holdOutRank(a) - holdOutRank(b));
  for (const hash of byRank) {
    if (held.size >= minHeldOutPairs) break;
    held.add(hash);
  }
  return held;
}

/** How many more dialogue pairs the test needs before it holds any out; 0 when it has enough. */
export function pairsStillNeeded(pairs: number): number {
  return Math.max(0, minPairsToHoldOut - pairs);
}
