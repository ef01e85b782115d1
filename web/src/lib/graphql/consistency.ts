/**
 * Read your own writes: every mutation returns the event-log position of its write;
 * later reads send the highest one seen (`Bishop-Consistent-With`) and the gateway
 * answers only once its read models include it.
 */
export const CONSISTENCY_HEADER = 'bishop-consistent-with';

let latest: string | null = null;

/** Positions are decimal strings that may exceed 2^53: compare them as digit strings. */
export function laterPosition(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  if (a.length !== b.length) return a.length > b.length ? a : b;
  return a > b ? a : b;
}

/** Remembers every `position` field found in a mutation result. */
export function notePositions(value: unknown): void {
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    if (key === 'position' && typeof child === 'string' && /^\d+$/.test(child)) latest = laterPosition(latest, child);
    else notePositions(child);
  }
}

export function notePosition(position: string): void {
  if (/^\d+$/.test(position)) latest = laterPosition(latest, position);
}

export function consistencyHeaders(): Record<string, string> {
  return latest ? { [CONSISTENCY_HEADER]: latest } : {};
}

export function forgetPositions(): void {
  latest = null;
}
