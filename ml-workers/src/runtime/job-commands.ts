import { createHash } from 'node:crypto';
import type { CommandMetadata } from '@bishop/domain';
import type { RecordedEvent } from '@bishop/domain/ports';

/**
 * A UUID (version 8) derived from its parts. Same algorithm as
 * commands/src/deterministic-id.ts, which ml-workers may not import; the domain
 * holds no crypto, so the few lines live in both places.
 */
export function deterministicUuid(...parts: readonly string[]): string {
  const bytes = createHash('sha256').update(parts.join('\u0000')).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80; // version 8
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 9562 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The commandId of one step of a job: a redelivered job sends the same id, so it cannot append twice. */
export function jobCommandId(job: RecordedEvent, step: string): string {
  return deterministicUuid('job', job.metadata.eventId, step);
}

/**
 * Metadata for a command a worker sends for `step` of `job`: a deterministic
 * commandId, the worker as system actor, and the job's event as cause.
 */
export function jobCommandMetadata(
  job: RecordedEvent,
  step: string,
  service: string,
  now = new Date(),
): CommandMetadata {
  return {
    commandId: jobCommandId(job, step),
    actor: { kind: 'system', service },
    now: now.toISOString(),
    correlationId: job.metadata.correlationId,
    causationId: job.metadata.eventId,
  };
}
