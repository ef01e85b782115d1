import { DomainError } from '../kernel/errors.ts';
import { validText } from '../kernel/text.ts';
import type { ChooseChatParticipant, RemoveMaterial, UploadMaterial } from './avatar.commands.ts';
import type { ChatParticipantChosen, MaterialRemoved, MaterialUploaded } from './avatar.events.ts';
import { assertNotUsedByRunningRun, knownMaterial, liveMaterial } from './avatar.guards.ts';
import { avatarLimits } from './avatar.limits.ts';
import type { LiveAvatar } from './avatar.state.ts';
import { validMaterialFile } from './material.validation.ts';

export function uploadMaterial({ data }: UploadMaterial, avatar: LiveAvatar): MaterialUploaded[] {
  const file = validMaterialFile(data);
  if (avatar.materials.has(file.materialId)) {
    throw new DomainError('BISHOP_ERR_ALREADY_EXISTS', 'A material with this id already exists', {
      materialId: file.materialId,
    });
  }
  const live = [...avatar.materials.values()].filter((material) => material.status !== 'removed');
  if (live.length >= avatarLimits.liveMaterialsMax) {
    throw new DomainError(
      'BISHOP_ERR_LIMIT_EXCEEDED',
      `An avatar can hold at most ${avatarLimits.liveMaterialsMax} materials; remove some before uploading more`,
      { limit: avatarLimits.liveMaterialsMax },
    );
  }
  // The same content twice would weigh the person's words double in training.
  const twin = live.find((material) => material.sha256 === file.sha256);
  if (twin !== undefined) {
    throw new DomainError('BISHOP_ERR_ALREADY_EXISTS', `This file was already uploaded as "${twin.fileName}"`, {
      materialId: twin.materialId,
      fileName: twin.fileName,
    });
  }
  return [{ type: 'MaterialUploaded', data: file }];
}

export function removeMaterial({ data }: RemoveMaterial, avatar: LiveAvatar): MaterialRemoved[] {
  const material = knownMaterial(avatar, data.materialId);
  if (material.status === 'removed') return [];
  assertNotUsedByRunningRun(avatar, material);
  return [{ type: 'MaterialRemoved', data: { materialId: material.materialId } }];
}

export function chooseChatParticipant({ data }: ChooseChatParticipant, avatar: LiveAvatar): ChatParticipantChosen[] {
  const material = liveMaterial(avatar, data.materialId);
  const participants = chosenNames(data.participants);
  if (material.kind !== 'chatExport') {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', `"${material.fileName}" is not a chat export`, {
      materialId: material.materialId,
    });
  }
  if (material.status !== 'ready') {
    throw new DomainError(
      'BISHOP_ERR_INVALID_STATE',
      `Participants of "${material.fileName}" are known once its extraction is ready`,
      { materialId: material.materialId, status: material.status },
    );
  }
  const unknown = participants.find((participant) => !material.extraction.participants.includes(participant));
  if (unknown !== undefined) {
    throw new DomainError(
      'BISHOP_ERR_INVALID_VALUE',
      `"${unknown}" is not a participant of the chat in "${material.fileName}"`,
      { materialId: material.materialId },
    );
  }
  const same =
    participants.length === material.participants.length &&
    participants.every((participant) => material.participants.includes(participant));
  if (same) return [];
  assertNotUsedByRunningRun(avatar, material);
  return [{ type: 'ChatParticipantChosen', data: { materialId: material.materialId, participants } }];
}

/** At least one name, each valid and given once (order kept: the first is shown first). */
function chosenNames(names: readonly string[] | undefined): string[] {
  const list = Array.isArray(names) ? names : [];
  if (list.length === 0 || list.length > avatarLimits.participantsMax) {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', 'Choose at least one participant as the person', {
      field: 'participants',
    });
  }
  const valid = list.map((name) =>
    validText(name, { field: 'Participant', maxLength: avatarLimits.participantNameMaxLength }),
  );
  return [...new Set(valid)];
}
