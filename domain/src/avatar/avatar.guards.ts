import { DomainError } from '../kernel/errors.ts';
import { validId } from '../kernel/ids.ts';
import type { AvatarState, LiveAvatar, Material } from './avatar.state.ts';

/** Every command but CreateAvatar needs an avatar that exists and is not deleted. */
export function liveAvatar(state: AvatarState): LiveAvatar {
  if (state.status === 'absent') throw new DomainError('BISHOP_ERR_NOT_FOUND', 'This avatar does not exist');
  if (state.status === 'deleted') {
    throw new DomainError('BISHOP_ERR_DELETED', 'This avatar was deleted', { avatarId: state.avatarId });
  }
  return state;
}

/** A material the avatar has ever had, removed ones included. */
export function knownMaterial(avatar: LiveAvatar, materialId: string): Material {
  const material = avatar.materials.get(validId(materialId, 'Material id'));
  if (material === undefined) {
    throw new DomainError('BISHOP_ERR_NOT_FOUND', 'This material does not exist', { materialId });
  }
  return material;
}

/** A material the user can still act on. */
export function liveMaterial(avatar: LiveAvatar, materialId: string): Material {
  const material = knownMaterial(avatar, materialId);
  if (material.status === 'removed') {
    throw new DomainError('BISHOP_ERR_NOT_FOUND', `Material "${material.fileName}" was removed`, { materialId });
  }
  return material;
}

/** The running run read its material list at start; changing one under it would make the run unreproducible. */
export function assertNotUsedByRunningRun(avatar: LiveAvatar, material: Material): void {
  if (avatar.status === 'training' && avatar.run.materialIds.includes(material.materialId)) {
    throw new DomainError(
      'BISHOP_ERR_TRAINING_RUNNING',
      `Material "${material.fileName}" is being used by the running training; wait for it to finish or stop it first`,
      { materialId: material.materialId, runId: avatar.run.runId },
    );
  }
}
