/**
 * Reciprocal-rank fusion (Cormack et al., 2009): each list adds 1 / (k + rank)
 * per item. It needs no score calibration between BM25 and cosine, and an item
 * ranked first by either list stays near the top, which keeps rare-name hits
 * from the lexical side even when dense similarities are noise.
 */
export const RRF_K = 60;

export function fuseRanks(lists: readonly (readonly number[])[], k = RRF_K): { index: number; score: number }[] {
  const scores = new Map<number, number>();
  for (const list of lists) {
    list.forEach((index, rank) => {
      scores.set(index, (scores.get(index) ?? 0) + 1 / (k + rank + 1));
    });
  }
  return [...scores].map(([index, score]) => ({ index, score })).sort((a, b) => b.score - a.score || a.index - b.index);
}
