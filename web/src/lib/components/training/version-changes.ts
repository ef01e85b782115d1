import type { VersionVerdictFieldsFragment } from '$lib/graphql/generated/graphql.ts';

type Version = Pick<VersionVerdictFieldsFragment, 'version' | 'stats' | 'materialsUsed'>;

/** A count of a version's statistics, or null when it did not record it. */
function counted(stats: unknown, key: string): number | null {
  if (typeof stats !== 'object' || stats === null) return null;
  const value = (stats as Record<string, unknown>)[key];
  return typeof value === 'number' ? value : null;
}

export interface VersionChanges {
  /** File names the chosen version learnt from that the active one did not. */
  readonly gained: string[];
  /** File names the active version learnt from that the chosen one did not. */
  readonly lost: string[];
  /** Passages and dialogue pairs, now and after the switch (null where a version did not record them). */
  readonly passages: { readonly from: number | null; readonly to: number | null };
  readonly pairs: { readonly from: number | null; readonly to: number | null };
}

/** What making `chosen` the active version changes, against the version active now (none: nothing to compare). */
export function versionChanges(active: Version | null, chosen: Version): VersionChanges {
  const names = (version: Version | null) =>
    new Map((version?.materialsUsed ?? []).map((material) => [material.materialId, material.fileName]));
  const before = names(active);
  const after = names(chosen);
  return {
    gained: [...after].filter(([id]) => !before.has(id)).map(([, name]) => name),
    lost: [...before].filter(([id]) => !after.has(id)).map(([, name]) => name),
    passages: { from: counted(active?.stats, 'passages'), to: counted(chosen.stats, 'passages') },
    pairs: { from: counted(active?.stats, 'pairs'), to: counted(chosen.stats, 'pairs') },
  };
}
