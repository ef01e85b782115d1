import type { EventFilter } from '@bishop/domain/ports';

/**
 * The one filter the server applies to a `$all` subscription. EventStoreDB
 * takes a single filter kind (stream name OR event type), so a filter on both
 * travels as "exclude system events" and is finished client-side.
 */
export type ServerFilter =
  | { readonly kind: 'streamPrefixes'; readonly prefixes: string[] }
  | { readonly kind: 'eventTypes'; readonly regex: string }
  | { readonly kind: 'excludeSystemEvents' };

/** Empty lists count as absent, as in the PostgreSQL adapter: `{}` and `{ eventTypes: [] }` match everything. */
function normalize(filter: EventFilter | undefined): { prefixes: readonly string[]; types: readonly string[] } {
  return { prefixes: filter?.streamPrefixes ?? [], types: filter?.eventTypes ?? [] };
}

export function chooseServerFilter(filter: EventFilter | undefined): ServerFilter {
  const { prefixes, types } = normalize(filter);
  if (prefixes.length > 0 && types.length === 0) return { kind: 'streamPrefixes', prefixes: [...prefixes] };
  if (types.length > 0 && prefixes.length === 0) return { kind: 'eventTypes', regex: exactEventTypesRegex(types) };
  return { kind: 'excludeSystemEvents' };
}

/** A regex matching exactly the listed types (the server's type filter is an unanchored .NET regex). */
export function exactEventTypesRegex(types: readonly string[]): string {
  return `^(?:${types.map(escapeRegex).join('|')})$`;
}

function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, (c) => `\\${c}`);
}

/** Stream starts with one of the prefixes OR type is listed; no criteria: everything. */
export function matchesFilter(event: { streamName: string; type: string }, filter: EventFilter | undefined): boolean {
  const { prefixes, types } = normalize(filter);
  if (prefixes.length === 0 && types.length === 0) return true;
  return prefixes.some((prefix) => event.streamName.startsWith(prefix)) || types.includes(event.type);
}

/** EventStoreDB's own records: `$`-streams (`$$meta`, `$ce-…`, `$stats-…`) and `$`-types (`$metadata`, `$>`). */
export function isSystemEvent(streamName: string, type: string): boolean {
  return streamName.startsWith('$') || type.startsWith('$');
}
