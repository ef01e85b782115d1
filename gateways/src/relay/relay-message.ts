import { parseStreamName } from '@bishop/domain';
import { encodeRelayedEvent, eventSubject, type RecordedEvent } from '@bishop/domain/ports';

/** Headers the relay writes on every message. */
export const RelayHeaders = {
  /** The event's `$all` position. */
  position: 'Bishop-Position',
  /** Where a restarted relay must read `$all` from (exclusive) so nothing before this message is missed. */
  resumeFrom: 'Bishop-Resume-From',
} as const;

export interface RelayMessage {
  readonly subject: string;
  readonly data: Uint8Array;
  readonly msgId: string;
}

/** Event types become one subject token: letters, digits, `_` and `-` only. */
const SUBJECT_TOKEN = /^[A-Za-z0-9_-]+$/;

/** `bishop.<category>.<EventType>` with the recorded event as JSON; null for events that are not Bishop's. */
export function toRelayMessage(event: RecordedEvent, subjectRoot: string): RelayMessage | null {
  const stream = parseStreamName(event.streamName);
  if (stream === null || !SUBJECT_TOKEN.test(event.type)) return null;
  return {
    subject: eventSubject(stream.category, event.type, subjectRoot),
    data: encodeRelayedEvent(event),
    msgId: event.metadata.eventId,
  };
}

/** The exclusive `$all` position to resume from, read from the newest message the relay published. */
export function resumePositionOf(headers: Readonly<Record<string, string>> | null): bigint | 'unknown' {
  if (headers === null) return 0n;
  const value = headers[RelayHeaders.resumeFrom];
  return value !== undefined && /^\d+$/.test(value) ? BigInt(value) : 'unknown';
}
