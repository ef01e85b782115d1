import type { ReadinessCheck } from '@bishop/gateways';
import {
  DEFAULT_PROJECTOR_NAME,
  type ProjectionStall,
  type ReadModels,
  readProjectionStatus,
} from '@bishop/projections';
import type { Kysely } from 'kysely';

/**
 * /readyz turns not-ready while the projector is stalled on an event, naming it:
 * read-your-writes cannot work until it moves. The stall is read from the read
 * database, so every gateway sees it wherever the projector runs.
 */
export function projectionReadiness(models: Kysely<ReadModels>): ReadinessCheck {
  return {
    name: 'projections',
    async check() {
      const { checkpoint, stall } = await readProjectionStatus(models, DEFAULT_PROJECTOR_NAME);
      if (stall !== null) throw new Error(describeStall(stall));
      return `applied up to position ${checkpoint}`;
    },
  };
}

/** One line for an operator; the failure's own message is left to the logs and `bishop projections status`. */
export function describeStall(stall: ProjectionStall): string {
  return `stalled at position ${stall.position} (${stall.eventType}) since ${stall.since.toISOString()}, ${stall.attempts} failed attempts`;
}
