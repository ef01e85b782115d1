import type { ConsumerOptions } from '@bishop/domain/ports';
import { validFilter } from './subjects.ts';

/** Durable names become NATS consumer names, so both adapters accept only what NATS does. */
const DURABLE_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** Checks consumer options the same way in every adapter, naming the offending field. */
export function validConsumerOptions(options: ConsumerOptions): ConsumerOptions {
  if (!DURABLE_NAME.test(options.durable)) {
    throw new Error(`Invalid durable name "${options.durable}": use 1–64 letters, digits, "_" or "-"`);
  }
  if (options.subjects.length === 0) throw new Error(`Consumer ${options.durable} needs at least one subject filter`);
  options.subjects.forEach(validFilter);
  const positive = {
    ackWaitMs: options.ackWaitMs,
    maxDeliver: options.maxDeliver,
    maxAckPending: options.maxAckPending,
  };
  for (const [field, value] of Object.entries(positive)) {
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new Error(`Consumer ${options.durable}: ${field} must be a positive integer (got ${value})`);
    }
  }
  return options;
}
