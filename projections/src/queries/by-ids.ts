import { isValidId } from '@bishop/domain';

/**
 * Ids arrive from API callers: one that is not a well-formed id cannot name
 * anything, so it matches nothing (instead of failing the uuid cast in SQL).
 */
export function possibleIds(ids: readonly string[]): string[] {
  return ids.filter(isValidId);
}

/** For GraphQL loaders: one row (or null) per id asked for, in that order. */
export async function oneRowPerId<Row>(
  ids: readonly string[],
  fetch: (possible: string[]) => Promise<Row[]>,
  idOf: (row: Row) => string,
): Promise<(Row | null)[]> {
  const byId = await fetchById(ids, fetch, idOf);
  return ids.map((id) => byId.get(id)?.[0] ?? null);
}

/** For GraphQL loaders: each id's rows (an avatar's materials, say), in the order of the ids asked for. */
export async function rowsPerId<Row>(
  ids: readonly string[],
  fetch: (possible: string[]) => Promise<Row[]>,
  idOf: (row: Row) => string,
): Promise<Row[][]> {
  const byId = await fetchById(ids, fetch, idOf);
  return ids.map((id) => byId.get(id) ?? []);
}

async function fetchById<Row>(
  ids: readonly string[],
  fetch: (possible: string[]) => Promise<Row[]>,
  idOf: (row: Row) => string,
): Promise<Map<string, Row[]>> {
  const possible = possibleIds([...new Set(ids)]);
  return Map.groupBy(possible.length === 0 ? [] : await fetch(possible), idOf);
}
