import type { EventFacts } from './projected-event.ts';

/** `row` with `fields` changed by `event`, stamped with the event's time and (for idempotency) position. */
export function changedBy<Row extends { updated_at: Date; last_position: bigint }>(
  row: Row,
  event: EventFacts,
  fields: Partial<Row>,
): Row {
  return { ...row, ...fields, updated_at: event.occurredAt, last_position: event.position };
}
