import { match } from 'ts-pattern';
import type { AvatarEvent } from './avatar.events.ts';
import {
  type AvatarState,
  type BlindTestInvite,
  blindGuessKey,
  emptyPersonaCard,
  type FinishedRun,
  type IdleAvatar,
  type LiveAvatar,
  type Material,
  type VoicePreview,
  type VoiceSample,
} from './avatar.state.ts';

export function evolve(state: AvatarState, event: AvatarEvent): AvatarState {
  if (event.type === 'AvatarCreated') return createdAvatar(event.data);
  // Events only follow creation and never follow deletion; anything else is ignored rather than invented.
  if (state.status === 'absent' || state.status === 'deleted') return state;
  return match(event)
    .with({ type: 'AvatarRenamed' }, ({ data }) => ({ ...state, name: data.name }))
    .with({ type: 'PersonaCardEdited' }, ({ data }) => ({ ...state, personaCard: data }))
    .with({ type: 'MaterialUploaded' }, ({ data }) => withMaterial(state, { ...data, status: 'uploaded' }))
    .with({ type: 'MaterialExtractionStarted' }, ({ data }) =>
      updateMaterial(state, data.materialId, (material) => ({ ...material, status: 'extracting' })),
    )
    .with({ type: 'MaterialExtracted' }, ({ data }) =>
      updateMaterial(state, data.materialId, (material) => ({
        ...material,
        status: 'ready',
        extraction: data,
        participants: [],
        speakers: null,
      })),
    )
    .with({ type: 'MaterialExtractionFailed' }, ({ data: { materialId, ...failure } }) =>
      updateMaterial(state, materialId, (material) => ({ ...material, status: 'failed', failure })),
    )
    .with({ type: 'MaterialRemoved' }, ({ data }) =>
      updateMaterial(state, data.materialId, (material) => ({ ...material, status: 'removed' })),
    )
    .with({ type: 'ChatParticipantChosen' }, ({ data }) =>
      updateMaterial(state, data.materialId, (material) =>
        material.status === 'ready' ? { ...material, participants: data.participants } : material,
      ),
    )
    .with({ type: 'MaterialSpeakersTagged' }, ({ data }) =>
      updateMaterial(state, data.materialId, (material) =>
        material.status === 'ready' ? { ...material, speakers: { status: 'tagged', ...data } } : material,
      ),
    )
    .with({ type: 'MaterialSpeakerTaggingFailed' }, ({ data: { materialId, ...failure } }) =>
      updateMaterial(state, materialId, (material) =>
        material.status === 'ready' ? { ...material, speakers: { status: 'failed', ...failure } } : material,
      ),
    )
    .with({ type: 'VoiceConsentRecorded' }, ({ data }) => ({ ...state, voice: { ...state.voice, consent: data } }))
    .with({ type: 'VoiceConsentWithdrawn' }, () => ({ ...state, voice: { ...state.voice, consent: null } }))
    .with({ type: 'VoiceSampleSubmitted' }, ({ data }) =>
      withSample(state, data.sampleId, { status: 'submitted', replacesActive: data.replacesActive }),
    )
    .with({ type: 'VoiceSampleSet' }, ({ data }) => {
      const before = state.voice.samples.get(data.sampleId);
      const replaces = before?.status !== 'submitted' || before.replacesActive || state.voice.activeSampleId === null;
      const updated = withSample(state, data.sampleId, { status: 'accepted', check: data });
      return replaces ? withActiveSample(updated, data.sampleId) : updated;
    })
    .with({ type: 'VoiceSampleActivated' }, ({ data }) => withActiveSample(state, data.sampleId))
    .with({ type: 'VoicePreviewRequested' }, ({ data }) =>
      withPreview(state, data.previewId, data.sampleId, 'requested'),
    )
    .with({ type: 'VoicePreviewReady' }, ({ data }) => withPreview(state, data.previewId, data.sampleId, 'ready'))
    .with({ type: 'VoicePreviewFailed' }, ({ data }) => withPreview(state, data.previewId, data.sampleId, 'failed'))
    .with({ type: 'VoiceSampleRejected' }, ({ data: { sampleId, measured: _measured, ...failure } }) =>
      withSample(state, sampleId, { status: 'rejected', failure }),
    )
    .with({ type: 'TrainingStarted' }, ({ data }) => ({
      ...state,
      status: 'training' as const,
      run: { runId: data.runId, materialIds: data.materialIds, stage: null },
    }))
    .with({ type: 'TrainingProgressed' }, ({ data }) =>
      state.status === 'training' ? { ...state, run: { ...state.run, stage: data.stage } } : state,
    )
    .with({ type: 'TrainingCompleted' }, ({ data: { runId, personaVersion, snapshotKey, stats } }) => {
      const finished = finishRun(state, runId, {
        status: 'completed',
        personaVersion,
        snapshotKey,
        stats,
        lastReport: null,
        testing: false,
      });
      if (finished === state) return state;
      // A completed run is the newest version, so it becomes the one that answers.
      const personaVersions = new Map(state.personaVersions).set(personaVersion, runId);
      return { ...finished, personaVersions, activePersonaVersion: personaVersion };
    })
    .with({ type: 'TrainingFailed' }, ({ data: { runId, ...failure } }) =>
      finishRun(state, runId, { status: 'failed', ...failure }),
    )
    .with({ type: 'TrainingStopped' }, ({ data }) => finishRun(state, data.runId, { status: 'stopped' }))
    .with({ type: 'AvatarTestStarted' }, ({ data }) => {
      const run = state.finishedRuns.get(data.runId);
      if (run?.status !== 'completed') return state;
      return { ...state, finishedRuns: new Map(state.finishedRuns).set(data.runId, { ...run, testing: true }) };
    })
    .with({ type: 'AvatarTested' }, ({ data }) => {
      const run = state.finishedRuns.get(data.runId);
      if (run?.status !== 'completed') return state;
      return {
        ...state,
        finishedRuns: new Map(state.finishedRuns).set(data.runId, { ...run, lastReport: data.report, testing: false }),
      };
    })
    .with({ type: 'PersonaVersionActivated' }, ({ data }) => ({ ...state, activePersonaVersion: data.personaVersion }))
    .with({ type: 'BlindTestInviteCreated' }, ({ data }) =>
      withInvite(state, data.inviteId, { expiresAt: data.expiresAt, revoked: false }),
    )
    .with({ type: 'BlindTestInviteRevoked' }, ({ data }) => {
      const invite = state.blindTest.invites.get(data.inviteId);
      return invite ? withInvite(state, data.inviteId, { ...invite, revoked: true }) : state;
    })
    .with({ type: 'BlindTestGuessed' }, ({ data }) => ({
      ...state,
      blindTest: { ...state.blindTest, guessed: new Set(state.blindTest.guessed).add(blindGuessKey(data)) },
    }))
    .with({ type: 'AvatarDeleted' }, () => ({
      status: 'deleted' as const,
      avatarId: state.avatarId,
      ownerId: state.ownerId,
    }))
    .exhaustive();
}

function createdAvatar(data: { avatarId: string; ownerId: string; name: string }): IdleAvatar {
  return {
    status: 'idle',
    ...data,
    personaCard: emptyPersonaCard(),
    materials: new Map(),
    voice: { consent: null, samples: new Map(), previews: new Map(), activeSampleId: null },
    finishedRuns: new Map(),
    personaVersions: new Map(),
    activePersonaVersion: null,
    blindTest: { invites: new Map(), guessed: new Set() },
  };
}

function withInvite(avatar: LiveAvatar, inviteId: string, invite: BlindTestInvite): LiveAvatar {
  return {
    ...avatar,
    blindTest: { ...avatar.blindTest, invites: new Map(avatar.blindTest.invites).set(inviteId, invite) },
  };
}

function withMaterial(avatar: LiveAvatar, material: Material): LiveAvatar {
  return { ...avatar, materials: new Map(avatar.materials).set(material.materialId, material) };
}

function updateMaterial(avatar: LiveAvatar, materialId: string, update: (material: Material) => Material): LiveAvatar {
  const material = avatar.materials.get(materialId);
  return material === undefined ? avatar : withMaterial(avatar, update(material));
}

function withSample(avatar: LiveAvatar, sampleId: string, sample: VoiceSample): LiveAvatar {
  return { ...avatar, voice: { ...avatar.voice, samples: new Map(avatar.voice.samples).set(sampleId, sample) } };
}

function withPreview(avatar: LiveAvatar, previewId: string, sampleId: string, status: VoicePreview['status']) {
  const previews = new Map(avatar.voice.previews).set(previewId, { sampleId, status });
  return { ...avatar, voice: { ...avatar.voice, previews } };
}

function withActiveSample(avatar: LiveAvatar, sampleId: string): LiveAvatar {
  return { ...avatar, voice: { ...avatar.voice, activeSampleId: sampleId } };
}

/** The run leaves the avatar idle; only a completed run touches the active persona version (see caller). */
function finishRun(avatar: LiveAvatar, runId: string, run: FinishedRun): LiveAvatar {
  if (avatar.status !== 'training' || avatar.run.runId !== runId) return avatar;
  const { run: _running, ...rest } = avatar;
  return { ...rest, status: 'idle', finishedRuns: new Map(avatar.finishedRuns).set(runId, run) };
}
