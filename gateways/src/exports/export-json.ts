/** JSON for people and other programs: bigints (positions) as decimal strings, dates as ISO-8601. */
export function exportJson(value: unknown): string {
  return JSON.stringify(value, (_key, item) => (typeof item === 'bigint' ? item.toString() : item), 2);
}
