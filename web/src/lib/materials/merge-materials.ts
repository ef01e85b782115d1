interface Versioned {
  readonly id: string;
  readonly updatedAt: string;
  readonly uploadedAt: string;
  readonly removed: boolean;
}

/**
 * The list as loaded, with live changes laid over it: for each material the newer of
 * the two versions wins (a reload can be newer than a change that arrived before it),
 * removed ones drop out, and the order stays upload order.
 */
export function mergeMaterials<M extends Versioned>(loaded: readonly M[], changes: ReadonlyMap<string, M>): M[] {
  const byId = new Map(loaded.map((material) => [material.id, material]));
  for (const [id, changed] of changes) {
    const current = byId.get(id);
    if (!current || changed.updatedAt >= current.updatedAt) byId.set(id, changed);
  }
  return [...byId.values()]
    .filter((material) => !material.removed)
    .sort((a, b) => a.uploadedAt.localeCompare(b.uploadedAt));
}
