/** Four decimals: reports are read by people and compared by code; more digits would only be noise. */
export function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

export function roundPair([lo, hi]: readonly [number, number]): [number, number] {
  return [round4(lo), round4(hi)];
}

/** A stable seed per figure, so a report's intervals come out the same on every run. */
export function seedOf(label: string): number {
  let hash = 2166136261;
  for (const char of label) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 16777619);
  return hash >>> 0;
}
