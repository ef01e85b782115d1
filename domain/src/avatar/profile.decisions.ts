import { DomainError } from '../kernel/errors.ts';
import { validId } from '../kernel/ids.ts';
import { jsonEquals } from '../kernel/json.ts';
import type { CreateAvatar, DeleteAvatar, EditPersonaCard, RenameAvatar } from './avatar.commands.ts';
import type { AvatarCreated, AvatarDeleted, AvatarRenamed, PersonaCardEdited } from './avatar.events.ts';
import type { AvatarState, LiveAvatar } from './avatar.state.ts';
import { validAvatarName, validPersonaCard } from './avatar.validation.ts';

export function createAvatar({ data, metadata }: CreateAvatar, state: AvatarState): AvatarCreated[] {
  const { actor } = metadata;
  if (actor.kind !== 'user') {
    throw new DomainError(
      'BISHOP_ERR_FORBIDDEN',
      'An avatar must be created by a signed-in user, who becomes its owner',
    );
  }
  const avatarId = validId(data.avatarId, 'Avatar id');
  if (state.status !== 'absent') {
    throw new DomainError('BISHOP_ERR_ALREADY_EXISTS', 'An avatar with this id already exists', { avatarId });
  }
  const name = validAvatarName(data.name);
  return [{ type: 'AvatarCreated', data: { avatarId, ownerId: actor.userId, name } }];
}

export function renameAvatar({ data }: RenameAvatar, avatar: LiveAvatar): AvatarRenamed[] {
  const name = validAvatarName(data.name);
  if (name === avatar.name) return [];
  return [{ type: 'AvatarRenamed', data: { name } }];
}

export function editPersonaCard({ data }: EditPersonaCard, avatar: LiveAvatar): PersonaCardEdited[] {
  const card = validPersonaCard(data);
  if (jsonEquals(card, avatar.personaCard)) return [];
  return [{ type: 'PersonaCardEdited', data: card }];
}

/**
 * Deleting destroys a person's data for good: a user must say which avatar they mean by typing its name.
 * Allowed mid-training: the running run simply ends with the avatar (workers then get BISHOP_ERR_DELETED).
 */
export function deleteAvatar({ data, metadata }: DeleteAvatar, avatar: LiveAvatar): AvatarDeleted[] {
  if (metadata.actor.kind === 'user' && data.confirmName?.trim() !== avatar.name.trim()) {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', `Type the avatar's name exactly ("${avatar.name}") to confirm`, {
      field: 'confirmName',
    });
  }
  return [{ type: 'AvatarDeleted', data: {} }];
}
