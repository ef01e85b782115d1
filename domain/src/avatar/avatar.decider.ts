import { match } from 'ts-pattern';
import type { Decider } from '../kernel/decider.ts';
import type { AvatarCommand, CreateAvatar } from './avatar.commands.ts';
import type { AvatarEvent } from './avatar.events.ts';
import { evolve } from './avatar.evolve.ts';
import { liveAvatar } from './avatar.guards.ts';
import type { AvatarState, LiveAvatar } from './avatar.state.ts';
import { createBlindTestInvite, recordBlindTestGuess, revokeBlindTestInvite } from './blind-test.decisions.ts';
import { failMaterialExtraction, recordMaterialExtraction, startMaterialExtraction } from './extraction.decisions.ts';
import { chooseChatParticipant, removeMaterial, uploadMaterial } from './material.decisions.ts';
import { activatePersonaVersion, recordAvatarTest, startAvatarTest } from './persona-version.decisions.ts';
import { createAvatar, deleteAvatar, editPersonaCard, renameAvatar } from './profile.decisions.ts';
import { failSpeakerTagging, recordSpeakerTags } from './speaker-tagging.decisions.ts';
import {
  completeTraining,
  failTraining,
  recordTrainingProgress,
  startTraining,
  stopTraining,
} from './training.decisions.ts';
import {
  acceptVoiceSample,
  activateVoiceSample,
  recordVoiceConsent,
  rejectVoiceSample,
  submitVoiceSample,
  withdrawVoiceConsent,
} from './voice.decisions.ts';
import { failVoicePreview, recordVoicePreview, requestVoicePreview } from './voice-preview.decisions.ts';

export { evolve };

export const initialState = (): AvatarState => ({ status: 'absent' });

export function decide(command: AvatarCommand, state: AvatarState): AvatarEvent[] {
  if (command.type === 'CreateAvatar') return createAvatar(command, state);
  return decideForLiveAvatar(command, liveAvatar(state));
}

function decideForLiveAvatar(command: Exclude<AvatarCommand, CreateAvatar>, avatar: LiveAvatar): AvatarEvent[] {
  return match(command)
    .with({ type: 'RenameAvatar' }, (c) => renameAvatar(c, avatar))
    .with({ type: 'EditPersonaCard' }, (c) => editPersonaCard(c, avatar))
    .with({ type: 'UploadMaterial' }, (c) => uploadMaterial(c, avatar))
    .with({ type: 'StartMaterialExtraction' }, (c) => startMaterialExtraction(c, avatar))
    .with({ type: 'RecordMaterialExtraction' }, (c) => recordMaterialExtraction(c, avatar))
    .with({ type: 'FailMaterialExtraction' }, (c) => failMaterialExtraction(c, avatar))
    .with({ type: 'RemoveMaterial' }, (c) => removeMaterial(c, avatar))
    .with({ type: 'ChooseChatParticipant' }, (c) => chooseChatParticipant(c, avatar))
    .with({ type: 'RecordSpeakerTags' }, (c) => recordSpeakerTags(c, avatar))
    .with({ type: 'FailSpeakerTagging' }, (c) => failSpeakerTagging(c, avatar))
    .with({ type: 'RecordVoiceConsent' }, (c) => recordVoiceConsent(c, avatar))
    .with({ type: 'SubmitVoiceSample' }, (c) => submitVoiceSample(c, avatar))
    .with({ type: 'AcceptVoiceSample' }, (c) => acceptVoiceSample(c, avatar))
    .with({ type: 'RejectVoiceSample' }, (c) => rejectVoiceSample(c, avatar))
    .with({ type: 'WithdrawVoiceConsent' }, () => withdrawVoiceConsent(avatar))
    .with({ type: 'ActivateVoiceSample' }, (c) => activateVoiceSample(c, avatar))
    .with({ type: 'RequestVoicePreview' }, (c) => requestVoicePreview(c, avatar))
    .with({ type: 'RecordVoicePreview' }, (c) => recordVoicePreview(c, avatar))
    .with({ type: 'FailVoicePreview' }, (c) => failVoicePreview(c, avatar))
    .with({ type: 'StartTraining' }, (c) => startTraining(c, avatar))
    .with({ type: 'RecordTrainingProgress' }, (c) => recordTrainingProgress(c, avatar))
    .with({ type: 'CompleteTraining' }, (c) => completeTraining(c, avatar))
    .with({ type: 'FailTraining' }, (c) => failTraining(c, avatar))
    .with({ type: 'StopTraining' }, (c) => stopTraining(c, avatar))
    .with({ type: 'StartAvatarTest' }, (c) => startAvatarTest(c, avatar))
    .with({ type: 'RecordAvatarTest' }, (c) => recordAvatarTest(c, avatar))
    .with({ type: 'ActivatePersonaVersion' }, (c) => activatePersonaVersion(c, avatar))
    .with({ type: 'CreateBlindTestInvite' }, (c) => createBlindTestInvite(c, avatar))
    .with({ type: 'RevokeBlindTestInvite' }, (c) => revokeBlindTestInvite(c, avatar))
    .with({ type: 'RecordBlindTestGuess' }, (c) => recordBlindTestGuess(c, avatar))
    .with({ type: 'DeleteAvatar' }, (c) => deleteAvatar(c, avatar))
    .exhaustive();
}

/** The user who owns the avatar, also after deletion (so only they see the tombstone). */
export function ownerOf(state: AvatarState): string | null {
  return state.status === 'absent' ? null : state.ownerId;
}

export const avatarDecider: Decider<AvatarState, AvatarCommand, AvatarEvent> = { initialState, evolve, decide };
