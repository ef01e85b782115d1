import { DomainError } from '../kernel/errors.ts';
import { validFailure } from '../kernel/failure.ts';
import { validId } from '../kernel/ids.ts';
import { jsonEquals } from '../kernel/json.ts';
import { validNumber } from '../kernel/numbers.ts';
import { validBlobKey } from '../kernel/storage.ts';
import type {
  AcceptVoiceSample,
  ActivateVoiceSample,
  RecordVoiceConsent,
  RejectVoiceSample,
  SubmitVoiceSample,
} from './avatar.commands.ts';
import type {
  VoiceConsentRecorded,
  VoiceConsentWithdrawn,
  VoiceSampleActivated,
  VoiceSampleRejected,
  VoiceSampleSet,
  VoiceSampleSubmitted,
} from './avatar.events.ts';
import { liveMaterial } from './avatar.guards.ts';
import type { LiveAvatar, VoiceSample } from './avatar.state.ts';
import type { VoiceSampleSource } from './avatar.values.ts';
import { validFileName } from './material.validation.ts';
import { validSampleCheck, validSampleDuration, validSampleMeasures, validVoiceConsent } from './voice.validation.ts';

export function recordVoiceConsent({ data, metadata }: RecordVoiceConsent, avatar: LiveAvatar): VoiceConsentRecorded[] {
  const consent = validVoiceConsent(data, metadata.now);
  if (jsonEquals(avatar.voice.consent, consent)) return [];
  return [{ type: 'VoiceConsentRecorded', data: consent }];
}

/** Cloning stops at once: the dub worker reads consent when it speaks. Samples stay, unused, until consent is given again. */
export function withdrawVoiceConsent(avatar: LiveAvatar): VoiceConsentWithdrawn[] {
  if (avatar.voice.consent === null) {
    throw new DomainError('BISHOP_ERR_INVALID_STATE', 'There is no voice consent to withdraw', { field: 'consent' });
  }
  return [{ type: 'VoiceConsentWithdrawn', data: {} }];
}

export function activateVoiceSample({ data }: ActivateVoiceSample, avatar: LiveAvatar): VoiceSampleActivated[] {
  const sampleId = validId(data.sampleId, 'Sample id');
  const sample = submittedSample(avatar, sampleId);
  if (sample.status !== 'accepted') {
    throw new DomainError(
      'BISHOP_ERR_INVALID_STATE',
      `Only a sample that passed the check can be used; this one is ${sample.status}`,
      {
        sampleId,
        status: sample.status,
      },
    );
  }
  if (avatar.voice.activeSampleId === sampleId) return [];
  return [{ type: 'VoiceSampleActivated', data: { sampleId } }];
}

export function submitVoiceSample({ data }: SubmitVoiceSample, avatar: LiveAvatar): VoiceSampleSubmitted[] {
  const sampleId = validId(data.sampleId, 'Sample id');
  // Cloning a voice without the person's consent is the harm this product must not enable.
  if (avatar.voice.consent === null) {
    throw new DomainError(
      'BISHOP_ERR_INVALID_STATE',
      'Record consent to clone this voice before submitting a voice sample',
      { field: 'consent' },
    );
  }
  if (avatar.voice.samples.has(sampleId)) {
    throw new DomainError('BISHOP_ERR_ALREADY_EXISTS', 'A voice sample with this id already exists', { sampleId });
  }
  const blobKey = validBlobKey(data.blobKey, 'Blob key');
  if (data.replacesActive !== undefined && typeof data.replacesActive !== 'boolean') {
    throw new DomainError(
      'BISHOP_ERR_INVALID_VALUE',
      'Whether the sample replaces the one in use must be true or false',
      {
        field: 'replacesActive',
      },
    );
  }
  // With no sample in use there is nothing to replace: the first accepted one is used.
  const replacesActive = data.replacesActive !== false || avatar.voice.activeSampleId === null;
  const source = validSource(data.source, avatar);
  return [{ type: 'VoiceSampleSubmitted', data: { sampleId, blobKey, source, replacesActive } }];
}

function validSource(source: VoiceSampleSource, avatar: LiveAvatar): VoiceSampleSource {
  if (source?.kind === 'upload') return { kind: 'upload', fileName: validFileName(source.fileName) };
  if (source?.kind !== 'material') {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', 'Voice sample source must be an upload or a material', {
      field: 'source',
    });
  }
  const material = liveMaterial(avatar, source.materialId);
  const duration = material.status === 'ready' ? material.extraction.durationSec : null;
  if ((material.kind !== 'audio' && material.kind !== 'video') || duration === null) {
    throw new DomainError(
      'BISHOP_ERR_INVALID_STATE',
      `A voice sample can only be cut from a recording whose extraction is ready, and "${material.fileName}" is not one`,
      { materialId: material.materialId },
    );
  }
  const startSec = validNumber(source.startSec, { field: 'Segment start', min: 0, max: duration, unit: 'seconds' });
  const endSec = validNumber(source.endSec, { field: 'Segment end', min: startSec, max: duration, unit: 'seconds' });
  validSampleDuration(endSec - startSec);
  return { kind: 'material', materialId: material.materialId, startSec, endSec };
}

export function acceptVoiceSample({ data }: AcceptVoiceSample, avatar: LiveAvatar): VoiceSampleSet[] {
  const sampleId = validId(data.sampleId, 'Sample id');
  const sample = submittedSample(avatar, sampleId);
  const check = { sampleId, ...validSampleCheck(data) };
  if (sample.status === 'accepted' && jsonEquals(sample.check, check)) return [];
  if (sample.status !== 'submitted') throw sampleAlreadyChecked(sampleId, sample);
  return [{ type: 'VoiceSampleSet', data: check }];
}

export function rejectVoiceSample({ data }: RejectVoiceSample, avatar: LiveAvatar): VoiceSampleRejected[] {
  const sampleId = validId(data.sampleId, 'Sample id');
  const sample = submittedSample(avatar, sampleId);
  const failure = validFailure(data);
  if (sample.status === 'rejected' && jsonEquals(sample.failure, failure)) return [];
  if (sample.status !== 'submitted') throw sampleAlreadyChecked(sampleId, sample);
  const measured = data.measured ? validSampleMeasures(data.measured) : null;
  return [{ type: 'VoiceSampleRejected', data: { sampleId, measured, ...failure } }];
}

function submittedSample(avatar: LiveAvatar, sampleId: string): VoiceSample {
  const sample = avatar.voice.samples.get(sampleId);
  if (sample === undefined) {
    throw new DomainError('BISHOP_ERR_NOT_FOUND', 'This voice sample does not exist', { sampleId });
  }
  return sample;
}

function sampleAlreadyChecked(sampleId: string, sample: VoiceSample): DomainError {
  return new DomainError('BISHOP_ERR_INVALID_STATE', `This voice sample was already ${sample.status}`, {
    sampleId,
    status: sample.status,
  });
}
