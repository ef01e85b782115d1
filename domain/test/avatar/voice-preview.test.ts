import { describe, it } from 'node:test';
import type { AvatarEvent } from '../../src/avatar/avatar.events.ts';
import { asWorker, avatarCommand, avatarSpec, consentRecorded, created, SAMPLE } from '../support/avatar-history.ts';
import { id } from '../support/ids.ts';

const PREVIEW = id(61);
const submitted: AvatarEvent = {
  type: 'VoiceSampleSubmitted',
  data: { sampleId: SAMPLE, blobKey: 'k', source: { kind: 'upload', fileName: 'me.wav' }, replacesActive: true },
};
const accepted: AvatarEvent = {
  type: 'VoiceSampleSet',
  data: { sampleId: SAMPLE, durationSec: 12, loudnessLufs: -20, speakerConsistency: 0.9 },
};
const withSample = [created, consentRecorded, submitted, accepted];
const request = (text = 'Hello, this is how I sound.', sampleId = SAMPLE) =>
  avatarCommand('RequestVoicePreview', { previewId: PREVIEW, sampleId, text });
const requested: AvatarEvent = {
  type: 'VoicePreviewRequested',
  data: { previewId: PREVIEW, sampleId: SAMPLE, text: 'Hello, this is how I sound.' },
};
const ready = {
  previewId: PREVIEW,
  sampleId: SAMPLE,
  blobKey: 'previews/p',
  durationSec: 2.5,
  voice: 'cloned' as const,
};
const record = () => avatarCommand('RecordVoicePreview', ready, asWorker);
const failure = { reasonCode: 'TTS_UNAVAILABLE', reason: 'No voice engine speaks English on this server' };
const fail = () => avatarCommand('FailVoicePreview', { previewId: PREVIEW, ...failure }, asWorker);

describe('voice previews', () => {
  describe('asking for one', () => {
    it('records the text to speak in an accepted sample’s voice', () => {
      avatarSpec.given(withSample).when(request()).then([requested]);
    });

    it('refuses without consent, and after consent was withdrawn', () => {
      avatarSpec
        .given([created, consentRecorded, submitted, accepted, { type: 'VoiceConsentWithdrawn', data: {} }])
        .when(request())
        .thenThrows('BISHOP_ERR_INVALID_STATE', /consent/);
    });

    it('refuses a sample not accepted, or unknown', () => {
      avatarSpec
        .given([created, consentRecorded, submitted])
        .when(request())
        .thenThrows('BISHOP_ERR_INVALID_STATE', /passed the check/);
      avatarSpec
        .given(withSample)
        .when(request('Hi', id(99)))
        .thenThrows('BISHOP_ERR_NOT_FOUND');
    });

    it('refuses empty or overlong text', () => {
      avatarSpec.given(withSample).when(request('  ')).thenThrows('BISHOP_ERR_TEXT_REQUIRED');
      avatarSpec
        .given(withSample)
        .when(request('x'.repeat(501)))
        .thenThrows('BISHOP_ERR_TEXT_TOO_LONG');
    });

    it('refuses a preview id already used', () => {
      avatarSpec
        .given([...withSample, requested])
        .when(request())
        .thenThrows('BISHOP_ERR_ALREADY_EXISTS');
    });
  });

  describe('when the dub worker answers', () => {
    it('records the spoken preview, once', () => {
      avatarSpec
        .given([...withSample, requested])
        .when(record())
        .then([{ type: 'VoicePreviewReady', data: ready }]);
      avatarSpec
        .given([...withSample, requested, { type: 'VoicePreviewReady', data: ready }])
        .when(record())
        .then([]);
    });

    it('records a failure with its reason, once, and never after success', () => {
      const failed: AvatarEvent = {
        type: 'VoicePreviewFailed',
        data: { previewId: PREVIEW, sampleId: SAMPLE, ...failure },
      };
      avatarSpec
        .given([...withSample, requested])
        .when(fail())
        .then([failed]);
      avatarSpec
        .given([...withSample, requested, failed])
        .when(fail())
        .then([]);
      avatarSpec
        .given([...withSample, requested, { type: 'VoicePreviewReady', data: ready }])
        .when(fail())
        .thenThrows('BISHOP_ERR_INVALID_STATE', /already succeeded/);
    });

    it('rejects an unknown voice kind and an unknown preview', () => {
      avatarSpec
        .given([...withSample, requested])
        .when(avatarCommand('RecordVoicePreview', { ...ready, voice: 'robot' as 'cloned' }, asWorker))
        .thenThrows('BISHOP_ERR_INVALID_VALUE');
      avatarSpec.given(withSample).when(record()).thenThrows('BISHOP_ERR_NOT_FOUND');
    });
  });
});
