import { describe, it } from 'node:test';
import type { AvatarEvent, SpeakerTags, VoiceSampleCheck } from '../../src/avatar/avatar.events.ts';
import {
  asWorker,
  avatarCommand,
  avatarSpec,
  consentRecorded,
  created,
  extracted,
  extracting,
  extraction,
  MATERIAL,
  RECORDING,
  readyMaterial,
  readyRecording,
  recordingFile,
  removed,
  SAMPLE,
  uploaded,
} from '../support/avatar-history.ts';
import { id } from '../support/ids.ts';

const NEXT_SAMPLE = id(52);
const check = (sampleId: string): VoiceSampleCheck => ({
  sampleId,
  durationSec: 12,
  loudnessLufs: -20,
  speakerConsistency: 0.9,
});
const sampleAccepted = (sampleId = SAMPLE): AvatarEvent[] => [
  {
    type: 'VoiceSampleSubmitted',
    data: {
      sampleId,
      blobKey: `samples/${sampleId}.wav`,
      source: { kind: 'upload', fileName: 'me.wav' },
      replacesActive: true,
    },
  },
  { type: 'VoiceSampleSet', data: check(sampleId) },
];
const tags = (overrides: Partial<SpeakerTags> = {}): SpeakerTags => ({
  materialId: RECORDING,
  sampleId: SAMPLE,
  segmentsBlobKey: `avatars/a/materials/${RECORDING}/segments.${SAMPLE}.json`,
  threshold: 0.86,
  personSpeechSec: 41.5,
  otherSpeechSec: 12.25,
  ...overrides,
});
const record = (overrides: Partial<SpeakerTags> = {}) => avatarCommand('RecordSpeakerTags', tags(overrides), asWorker);
const tagged = (overrides: Partial<SpeakerTags> = {}): AvatarEvent => ({
  type: 'MaterialSpeakersTagged',
  data: tags(overrides),
});
const failure = { reasonCode: 'AUDIO_UNREADABLE', reason: 'The recording could not be decoded again' };
const fail = (sampleId = SAMPLE) =>
  avatarCommand('FailSpeakerTagging', { materialId: RECORDING, sampleId, ...failure }, asWorker);

// A recording uploaded before the voice sample, and one after it.
const recordingThenSample = [created, consentRecorded, ...readyRecording, ...sampleAccepted()];

describe('speaker tagging', () => {
  describe('when a voice sample is accepted after a recording was transcribed', () => {
    it('records the recording’s tags against that sample', () => {
      avatarSpec.given(recordingThenSample).when(record()).then([tagged()]);
    });

    it('records a failed tagging with its reason, for that sample', () => {
      avatarSpec
        .given(recordingThenSample)
        .when(fail())
        .then([
          { type: 'MaterialSpeakerTaggingFailed', data: { materialId: RECORDING, sampleId: SAMPLE, ...failure } },
        ]);
    });

    it('ignores the same tags delivered again', () => {
      avatarSpec
        .given([...recordingThenSample, tagged()])
        .when(record())
        .then([]);
    });

    it('tags again, and replaces the tags, once the person accepts a newer sample', () => {
      avatarSpec
        .given([...recordingThenSample, tagged(), ...sampleAccepted(NEXT_SAMPLE)])
        .when(record({ sampleId: NEXT_SAMPLE, personSpeechSec: 40 }))
        .then([tagged({ sampleId: NEXT_SAMPLE, personSpeechSec: 40 })]);
    });

    it('drops tags made with a sample that is no longer the accepted one', () => {
      avatarSpec
        .given([...recordingThenSample, ...sampleAccepted(NEXT_SAMPLE)])
        .when(record())
        .then([]);
      avatarSpec
        .given([...recordingThenSample, ...sampleAccepted(NEXT_SAMPLE)])
        .when(fail())
        .then([]);
    });

    it('drops tags for a recording removed meanwhile', () => {
      avatarSpec
        .given([...recordingThenSample, removed(RECORDING)])
        .when(record())
        .then([]);
    });
  });

  describe('when there is no accepted sample', () => {
    it('drops the tags: nothing to compare with', () => {
      avatarSpec
        .given([created, ...readyRecording])
        .when(record())
        .then([]);
    });
  });

  describe('refuses', () => {
    it('tags for a document', () => {
      avatarSpec
        .given([created, consentRecorded, ...readyMaterial(), ...sampleAccepted()])
        .when(record({ materialId: MATERIAL }))
        .thenThrows('BISHOP_ERR_INVALID_STATE', /transcribed recording/);
    });

    it('tags for a recording still being transcribed', () => {
      avatarSpec
        .given([created, consentRecorded, uploaded(recordingFile), extracting(RECORDING), ...sampleAccepted()])
        .when(record())
        .thenThrows('BISHOP_ERR_INVALID_STATE', /transcribed recording/);
    });

    const bad: [string, Partial<SpeakerTags>][] = [
      ['a threshold past 1 (cosines are -1..1)', { threshold: 1.5 }],
      ['negative speech time', { otherSpeechSec: -1 }],
    ];
    for (const [what, overrides] of bad) {
      it(what, () => {
        avatarSpec.given(recordingThenSample).when(record(overrides)).thenThrows('BISHOP_ERR_INVALID_VALUE');
      });
    }
  });

  it('a new transcript of the recording forgets the old tags', () => {
    avatarSpec
      .given([...recordingThenSample, tagged()])
      .when(record())
      .then([]);
    // Re-extraction is not a user action today; the state still starts untagged after MaterialExtracted.
    avatarSpec
      .given([...recordingThenSample, tagged(), extracting(RECORDING), extracted(extraction(RECORDING))])
      .when(record())
      .then([tagged()]);
  });
});
