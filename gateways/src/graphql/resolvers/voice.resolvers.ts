import { type ConsentBasis, type VoiceSampleSource, voiceSampleBlobKey } from '@bishop/domain';
import {
  type AvatarVoice,
  findConsentWithdrawalsByAvatarIds,
  findVoice,
  type VoiceSampleRow,
} from '@bishop/projections';
import { mediaPath } from '../../media/media.plugin.ts';
import type * as Schema from '../generated/resolver-types.ts';
import { callerId, type RequestContext } from '../request-context.ts';
import type { GraphQLServices } from '../services.ts';
import { commandMetadata, newEntityId, written } from './command-metadata.ts';
import { type AvatarShape, enumValue, failureOf } from './shapes.ts';

type Context = RequestContext;

export function voiceResolvers(services: GraphQLServices) {
  const { commands, readModels: db, signer } = services;

  function voiceShape(voice: AvatarVoice, userId: string) {
    const consent = voice.consent;
    const activeId = voice.activeSample?.sample_id ?? null;
    const shape = (sample: VoiceSampleRow) => sampleShape(sample, userId, activeId);
    return {
      // A withdrawn consent no longer stands: null, with when it was withdrawn beside.
      consent:
        consent && consent.withdrawn_at === null
          ? {
              basis: enumValue(consent.basis),
              personName: consent.person_name,
              consentGivenOn: consent.given_on,
              statement: consent.statement,
              recordedAt: consent.recorded_at,
            }
          : null,
      consentWithdrawnAt: consent?.withdrawn_at ?? null,
      sample: voice.latestSample && shape(voice.latestSample),
      samples: voice.samples.map(shape),
      activeSampleId: activeId,
    };
  }

  function sampleShape(sample: VoiceSampleRow, userId: string, activeId: string | null) {
    const source = sample.source as VoiceSampleSource | null;
    return {
      active: sample.sample_id === activeId,
      replacesActive: sample.replaces_active,
      fileName: source?.kind === 'upload' ? source.fileName : null,
      segment: source?.kind === 'material' ? source : null,
      preview: sample.preview_id && {
        id: sample.preview_id,
        text: sample.preview_text,
        state: enumValue(sample.preview_state ?? 'requested'),
        audioUrl:
          sample.preview_blob_key &&
          signer.sign(mediaPath(sample.avatar_id, `voice-previews/${sample.preview_id}`), userId),
        durationSec: sample.preview_duration_sec,
        voice: sample.preview_voice,
        failure: failureOf(sample.preview_reason_code, sample.preview_reason),
        requestedAt: sample.preview_requested_at,
      },
      id: sample.sample_id,
      state: enumValue(sample.state),
      durationSec: sample.duration_sec,
      loudnessLufs: sample.loudness_lufs,
      speakerConsistency: sample.speaker_consistency,
      failure: failureOf(sample.reason_code, sample.reason),
      submittedAt: sample.submitted_at,
      audioUrl: signer.sign(mediaPath(sample.avatar_id, `voice/${sample.sample_id}`), userId),
    };
  }

  return {
    Avatar: {
      voice: async (avatar: AvatarShape, _args: unknown, context: Context) =>
        voiceShape(await findVoice(db, callerId(context), avatar.id), callerId(context)),
    },
    Mutation: {
      recordVoiceConsent: async (
        _root: unknown,
        { avatarId, consent }: Schema.MutationRecordVoiceConsentArgs,
        context: Context,
      ) =>
        written(
          await commands.avatar(avatarId, {
            type: 'RecordVoiceConsent',
            data: { ...consent, basis: (consent.basis === 'SELF' ? 'self' : 'personConsented') as ConsentBasis },
            metadata: commandMetadata(context),
          }),
        ),
      withdrawVoiceConsent: async (
        _root: unknown,
        { avatarId }: Schema.MutationWithdrawVoiceConsentArgs,
        context: Context,
      ) =>
        written(
          await commands.avatar(avatarId, {
            type: 'WithdrawVoiceConsent',
            data: {},
            metadata: commandMetadata(context),
          }),
        ),
      previewVoice: async (
        _root: unknown,
        { avatarId, sampleId, text }: Schema.MutationPreviewVoiceArgs,
        context: Context,
      ) =>
        written(
          await commands.avatar(avatarId, {
            type: 'RequestVoicePreview',
            data: { previewId: newEntityId(context, 'voice-preview'), sampleId, text },
            metadata: commandMetadata(context),
          }),
        ),
      activateVoiceSample: async (
        _root: unknown,
        { avatarId, sampleId }: Schema.MutationActivateVoiceSampleArgs,
        context: Context,
      ) =>
        written(
          await commands.avatar(avatarId, {
            type: 'ActivateVoiceSample',
            data: { sampleId },
            metadata: commandMetadata(context),
          }),
        ),
      cutVoiceSample: async (_root: unknown, args: Schema.MutationCutVoiceSampleArgs, context: Context) => {
        const sampleId = newEntityId(context, 'voice-sample');
        return written(
          await commands.avatar(args.avatarId, {
            type: 'SubmitVoiceSample',
            data: {
              sampleId,
              // The voice worker cuts the segment from the recording into this blob.
              blobKey: voiceSampleBlobKey(args.avatarId, sampleId),
              source: { kind: 'material', materialId: args.materialId, startSec: args.startSec, endSec: args.endSec },
              replacesActive: args.replacesActive ?? true,
            },
            metadata: commandMetadata(context),
          }),
        );
      },
    },
  };
}

interface DubOfVoice {
  readonly avatarId: string;
  readonly voice: string | null;
  readonly position: bigint | null;
}

/** Dub.madeUnderWithdrawnConsent for a whole page of dubs: one query for their avatars' consents. */
export function voiceLoaders(services: GraphQLServices) {
  return {
    Dub: {
      madeUnderWithdrawnConsent: async (queries: { obj: DubOfVoice }[], context: Context) => {
        const withdrawals = await findConsentWithdrawalsByAvatarIds(
          services.readModels,
          callerId(context),
          queries.map((q) => q.obj.avatarId),
        );
        return queries.map(({ obj }, index) => {
          const withdrawnAt = withdrawals[index] ?? null;
          return obj.voice === 'cloned' && obj.position !== null && withdrawnAt !== null && obj.position < withdrawnAt;
        });
      },
    },
  };
}
