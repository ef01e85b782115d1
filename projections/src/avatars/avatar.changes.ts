import { erasedColumnsAfter, personal } from '../events/erasure.ts';
import { ignoredBy, leftAsIs } from '../events/ignored-events.ts';
import type { AvatarStreamEvent, ChatStreamEvent } from '../events/projected-event.ts';
import { changedBy } from '../events/row-change.ts';
import type { AvatarRow } from './avatars.table.ts';

const cardColumns = {
  description: 'description',
  personality: 'personality',
  scenario: 'scenario',
  instructions: 'instructions',
  gender: 'gender',
} as const;

/** Every personal column of an avatar: what deleting it erases. */
export const avatarPersonalColumns = ['name', ...Object.values(cardColumns)] as const;

/** The avatar's row after one of its own events; `undefined` when the event leaves it as it is. */
export function avatarAfter(avatar: AvatarRow | undefined, event: AvatarStreamEvent): AvatarRow | undefined {
  if (event.type === 'AvatarCreated') return createdAvatar(event);
  if (avatar === undefined) return undefined;
  const changed = (fields: Partial<AvatarRow>) => changedBy(avatar, event, fields);
  const endsRun = (runId: string) => (avatar.training_run_id === runId ? { training_run_id: null } : {});
  switch (event.type) {
    case 'AvatarRenamed':
      return changed({
        name: personal(event, 'name', event.data.name),
        erased_fields: erasedColumnsAfter(avatar.erased_fields, event, { name: 'name' }),
      });
    case 'PersonaCardEdited': {
      const card = event.data;
      return changed({
        description: personal(event, 'description', card.description),
        personality: personal(event, 'personality', card.personality),
        scenario: personal(event, 'scenario', card.scenario),
        instructions: personal(event, 'instructions', card.instructions),
        gender: personal(event, 'gender', card.gender),
        languages: card.languages,
        erased_fields: erasedColumnsAfter(avatar.erased_fields, event, cardColumns),
      });
    }
    case 'MaterialUploaded':
      return changed({ material_count: avatar.material_count + 1 });
    case 'MaterialRemoved':
      return changed({ material_count: avatar.material_count - 1 });
    case 'TrainingStarted':
      return changed({ training_run_id: event.data.runId });
    case 'TrainingCompleted':
      // The newest version answers from now on.
      return changed({ ...endsRun(event.data.runId), active_persona_version: event.data.personaVersion });
    case 'TrainingFailed':
    case 'TrainingStopped':
      return changed(endsRun(event.data.runId));
    case 'PersonaVersionActivated':
      return changed({ active_persona_version: event.data.personaVersion });
    case 'AvatarDeleted':
      return changed({
        status: 'deleted',
        name: null,
        description: null,
        personality: null,
        scenario: null,
        instructions: null,
        gender: null,
        training_run_id: null,
        deleted_at: event.occurredAt,
        erased_fields: [...avatarPersonalColumns].sort(),
      });
    default:
      return leftAsIs(ignoredBy.avatars, event);
  }
}

/** Chats opened and deleted change the avatar's chat count. */
export function avatarAfterChatEvent(avatar: AvatarRow | undefined, event: ChatStreamEvent): AvatarRow | undefined {
  if (avatar === undefined) return undefined;
  if (event.type !== 'ChatOpened' && event.type !== 'ChatDeleted') return undefined;
  return changedBy(avatar, event, { chat_count: avatar.chat_count + (event.type === 'ChatOpened' ? 1 : -1) });
}

function createdAvatar(event: Extract<AvatarStreamEvent, { type: 'AvatarCreated' }>): AvatarRow {
  return {
    avatar_id: event.data.avatarId,
    owner_id: event.data.ownerId,
    name: personal(event, 'name', event.data.name),
    status: 'active',
    description: null,
    personality: null,
    scenario: null,
    instructions: null,
    gender: null,
    languages: [],
    active_persona_version: null,
    training_run_id: null,
    material_count: 0,
    chat_count: 0,
    created_position: event.position,
    created_at: event.occurredAt,
    updated_at: event.occurredAt,
    deleted_at: null,
    erased_fields: erasedColumnsAfter([], event, { name: 'name' }),
    last_position: event.position,
  };
}
