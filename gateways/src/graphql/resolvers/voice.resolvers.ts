import { type ConsentBasis, voiceSampleBlobKey } from '@bishop/domain';
import { type AvatarVoice, findVoice, type VoiceSampleRow } from '@bishop/projections';
import { mediaPath } from '../../media/media.plugin.ts';
import { callerId, type RequestContext } from '../request-context.ts';
import type { GraphQLServices } from '../services.ts';
import { commandMetadata, newEntityId, written } from './command-metadata.ts';
import { type AvatarShape, enumValue, failureOf } from './shapes.ts';

type Context = RequestContext;

export function voiceResolvers(services: GraphQLServices) {
  const { commands, readModels: db, signer } = services;

  function voiceShape(voice: AvatarVoice, userId: string) {
    const sample = voice.latestSample;
    return {
      consent: voice.consent && {
        basis: enumValue(voice.consent.basis),
        personName: voice.consent.person_name,
        consentGivenOn: voice.consent.given_on,
        statement: voice.consent.statement,
        recordedAt: voice.consent.recorded_at,
      },
      sample: sample && sampleShape(sample, userId),
    };
  }

  function sampleShape(sample: VoiceSampleRow, userId: string) {
    return {
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
        {
          avatarId,
          consent,
        }: {
          avatarId: string;
          consent: { basis: string; personName: string; consentGivenOn: string; statement: string };
        },
        context: Context,
      ) =>
        written(
          await commands.avatar(avatarId, {
            type: 'RecordVoiceConsent',
            data: { ...consent, basis: (consent.basis === 'SELF' ? 'self' : 'personConsented') as ConsentBasis },
            metadata: commandMetadata(context),
          }),
        ),
      cutVoiceSample: async (
        _root: unknown,
        args: { avatarId: string; materialId: string; startSec: number; endSec: number },
        context: Context,
      ) => {
        const sampleId = newEntityId(context, 'voice-sample');
        return written(
          await commands.avatar(args.avatarId, {
            type: 'SubmitVoiceSample',
            data: {
              sampleId,
              // The voice worker cuts the segment from the recording into this blob.
              blobKey: voiceSampleBlobKey(args.avatarId, sampleId),
              source: { kind: 'material', materialId: args.materialId, startSec: args.startSec, endSec: args.endSec },
            },
            metadata: commandMetadata(context),
          }),
        );
      },
    },
  };
}
