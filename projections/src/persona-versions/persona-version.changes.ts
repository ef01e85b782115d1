import type { AvatarRow } from '../avatars/avatars.table.ts';
import type { AvatarStreamEvent } from '../events/projected-event.ts';
import type { PersonaVersionRow } from './persona-versions.table.ts';

/** The version a completed run produced; versions never change after that. */
export function personaVersionOf(event: AvatarStreamEvent, avatar: AvatarRow): PersonaVersionRow | undefined {
  if (event.type !== 'TrainingCompleted') return undefined;
  return {
    avatar_id: avatar.avatar_id,
    version: event.data.personaVersion,
    owner_id: avatar.owner_id,
    run_id: event.data.runId,
    snapshot_key: event.data.snapshotKey,
    stats: event.data.stats,
    created_at: event.occurredAt,
    last_position: event.position,
  };
}
