import type { EventFacts } from './projected-event.ts';

/** A personal value as read models keep it: `null` when the event's field was erased. */
export function personal<Value>(event: EventFacts, field: string, value: Value): Value | null {
  return event.erased.has(field) ? null : value;
}

/**
 * The row's erased columns after an event wrote `columns` (data field → column):
 * a column becomes erased when the event's field was, and stops being erased
 * when the event brings a real value. Sorted, so equal states compare equal.
 */
export function erasedColumnsAfter(
  current: readonly string[],
  event: EventFacts,
  columns: Readonly<Record<string, string>>,
): string[] {
  const erased = new Set(current);
  for (const [field, column] of Object.entries(columns)) {
    if (event.erased.has(field)) erased.add(column);
    else erased.delete(column);
  }
  return [...erased].sort();
}

/** The event with these fields treated as erased (e.g. a late message for a chat that is gone). */
export function withFieldsErased<Event extends EventFacts>(event: Event, fields: readonly string[]): Event {
  return { ...event, erased: new Set([...event.erased, ...fields]) };
}
