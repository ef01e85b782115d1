import { describe, it } from 'node:test';
import type { AvatarEvent, VoiceConsent, VoiceSampleCheck } from '../../src/avatar/avatar.events.ts';
import type { VoiceSampleSource } from '../../src/avatar/avatar.values.ts';
import {
  asWorker,
  avatarCommand,
  avatarSpec,
  consent,
  consentRecorded,
  created,
  MATERIAL,
  RECORDING,
  readyMaterial,
  readyRecording,
  recordingFile,
  SAMPLE,
  uploaded,
} from '../support/avatar-history.ts';
import { id } from '../support/ids.ts';

const recordConsent = (overrides: Partial<VoiceConsent> = {}) =>
  avatarCommand('RecordVoiceConsent', { ...consent, ...overrides });
const uploadSource: VoiceSampleSource = { kind: 'upload', fileName: 'anna.wav' };
const submit = (source: VoiceSampleSource = uploadSource, sampleId = SAMPLE, replacesActive?: boolean) =>
  avatarCommand('SubmitVoiceSample', {
    sampleId,
    blobKey: `samples/${sampleId}.wav`,
    source,
    ...(replacesActive === undefined ? {} : { replacesActive }),
  });
const submitted = (
  source: VoiceSampleSource = uploadSource,
  sampleId = SAMPLE,
  replacesActive = true,
): AvatarEvent => ({
  type: 'VoiceSampleSubmitted',
  data: { sampleId, blobKey: `samples/${sampleId}.wav`, source, replacesActive },
});
const check: VoiceSampleCheck = { sampleId: SAMPLE, durationSec: 12.5, loudnessLufs: -19.2, speakerConsistency: 0.93 };
const accept = (overrides: Partial<VoiceSampleCheck> = {}) =>
  avatarCommand('AcceptVoiceSample', { ...check, ...overrides }, asWorker);
const rejection = { reasonCode: 'SEVERAL_SPEAKERS', reason: 'More than one person speaks in this sample.' };
const reject = () => avatarCommand('RejectVoiceSample', { sampleId: SAMPLE, ...rejection }, asWorker);
const sampleSet: AvatarEvent = { type: 'VoiceSampleSet', data: check };
const sampleRejected: AvatarEvent = {
  type: 'VoiceSampleRejected',
  data: { sampleId: SAMPLE, measured: null, ...rejection },
};
const measured = { durationSec: 3.2, loudnessLufs: -41.5, speakerConsistency: 0.2 };
const segment = (startSec: number, endSec: number, materialId = RECORDING): VoiceSampleSource => ({
  kind: 'material',
  materialId,
  startSec,
  endSec,
});

describe('voice', () => {
  describe('consent', () => {
    it('records who consented, when and how', () => {
      avatarSpec.given([created]).when(recordConsent()).then([consentRecorded]);
    });

    it('accepts consent given today', () => {
      avatarSpec
        .given([created])
        .when(recordConsent({ consentGivenOn: '2025-03-01', basis: 'personConsented' }))
        .then([
          {
            type: 'VoiceConsentRecorded',
            data: { ...consent, consentGivenOn: '2025-03-01', basis: 'personConsented' },
          },
        ]);
    });

    it('ignores the same consent recorded again', () => {
      avatarSpec.given([created, consentRecorded]).when(recordConsent()).then([]);
    });

    const badConsents: [string, Partial<VoiceConsent>, string][] = [
      ['a date in the future', { consentGivenOn: '2025-03-02' }, 'BISHOP_ERR_INVALID_VALUE'],
      ['a date that does not exist', { consentGivenOn: '2025-02-29' }, 'BISHOP_ERR_INVALID_VALUE'],
      ['a date in another format', { consentGivenOn: '01.03.2025' }, 'BISHOP_ERR_INVALID_VALUE'],
      ['an unknown basis', { basis: 'guess' as 'self' }, 'BISHOP_ERR_INVALID_VALUE'],
      ['an empty person name', { personName: '' }, 'BISHOP_ERR_TEXT_REQUIRED'],
      ['a statement over 2000 characters', { statement: 'x'.repeat(2001) }, 'BISHOP_ERR_TEXT_TOO_LONG'],
      ['a statement that is not valid UTF-8', { statement: 'I agree \udfff' }, 'BISHOP_ERR_TEXT_INVALID_UTF8'],
    ];
    for (const [what, overrides, code] of badConsents) {
      it(`rejects ${what}`, () => {
        avatarSpec
          .given([created])
          .when(recordConsent(overrides))
          .thenThrows(code as 'BISHOP_ERR_INVALID_VALUE');
      });
    }
  });

  describe('submitting a sample', () => {
    it('rejects a sample before consent is recorded', () => {
      avatarSpec
        .given([created])
        .when(submit())
        .thenThrows('BISHOP_ERR_INVALID_STATE', /consent/);
    });

    it('records an uploaded sample for the worker to check', () => {
      avatarSpec.given([created, consentRecorded]).when(submit()).then([submitted()]);
    });

    it('records a segment of a ready recording', () => {
      avatarSpec
        .given([created, ...readyRecording, consentRecorded])
        .when(submit(segment(60, 90)))
        .then([submitted(segment(60, 90))]);
    });

    it('rejects a segment shorter than 6 seconds', () => {
      avatarSpec
        .given([created, ...readyRecording, consentRecorded])
        .when(submit(segment(60, 65)))
        .thenThrows('BISHOP_ERR_INVALID_VALUE', /between 6 and 60 seconds/);
    });

    it('rejects a segment longer than 60 seconds', () => {
      avatarSpec
        .given([created, ...readyRecording, consentRecorded])
        .when(submit(segment(0, 61)))
        .thenThrows('BISHOP_ERR_INVALID_VALUE');
    });

    it('rejects a segment past the end of the recording', () => {
      avatarSpec
        .given([created, ...readyRecording, consentRecorded])
        .when(submit(segment(590, 610)))
        .thenThrows('BISHOP_ERR_INVALID_VALUE', /Segment end/);
    });

    it('rejects a segment of a text material', () => {
      avatarSpec
        .given([created, ...readyMaterial(), consentRecorded])
        .when(submit(segment(0, 10, MATERIAL)))
        .thenThrows('BISHOP_ERR_INVALID_STATE');
    });

    it('rejects a segment of a recording not extracted yet', () => {
      avatarSpec
        .given([created, uploaded(recordingFile), consentRecorded])
        .when(submit(segment(0, 10)))
        .thenThrows('BISHOP_ERR_INVALID_STATE');
    });

    it('rejects a segment of an unknown material', () => {
      avatarSpec
        .given([created, consentRecorded])
        .when(submit(segment(0, 10, id(77))))
        .thenThrows('BISHOP_ERR_NOT_FOUND');
    });

    it('rejects an uploaded file name with a path', () => {
      avatarSpec
        .given([created, consentRecorded])
        .when(submit({ kind: 'upload', fileName: 'C:\\voice.wav' }))
        .thenThrows('BISHOP_ERR_INVALID_VALUE');
    });

    it('rejects an unknown kind of source', () => {
      avatarSpec
        .given([created, consentRecorded])
        .when(submit({ kind: 'microphone' } as unknown as VoiceSampleSource))
        .thenThrows('BISHOP_ERR_INVALID_VALUE');
    });

    it('rejects a sample id already used', () => {
      avatarSpec.given([created, consentRecorded, submitted()]).when(submit()).thenThrows('BISHOP_ERR_ALREADY_EXISTS');
    });

    it('rejects a bad sample id', () => {
      avatarSpec
        .given([created, consentRecorded])
        .when(submit(uploadSource, 'sample'))
        .thenThrows('BISHOP_ERR_INVALID_ID');
    });
  });

  describe('when a sample awaits its check', () => {
    const awaiting = [created, consentRecorded, submitted()];

    it('sets the sample the worker accepted', () => {
      avatarSpec.given(awaiting).when(accept()).then([sampleSet]);
    });

    it('records the rejection with its reason', () => {
      avatarSpec.given(awaiting).when(reject()).then([sampleRejected]);
    });

    it('keeps what the check measured beside the reason, a silent sample’s loudness as null', () => {
      for (const figures of [measured, { ...measured, loudnessLufs: null }]) {
        avatarSpec
          .given(awaiting)
          .when(avatarCommand('RejectVoiceSample', { sampleId: SAMPLE, ...rejection, measured: figures }, asWorker))
          .then([{ type: 'VoiceSampleRejected', data: { sampleId: SAMPLE, measured: figures, ...rejection } }]);
      }
    });

    it('rejects measured figures out of range', () => {
      avatarSpec
        .given(awaiting)
        .when(
          avatarCommand(
            'RejectVoiceSample',
            { sampleId: SAMPLE, ...rejection, measured: { ...measured, speakerConsistency: -0.4 } },
            asWorker,
          ),
        )
        .thenThrows('BISHOP_ERR_INVALID_VALUE', /Speaker consistency/);
    });

    for (const durationSec of [5.9, 60.1]) {
      it(`rejects an accepted duration of ${durationSec} s`, () => {
        avatarSpec
          .given(awaiting)
          .when(accept({ durationSec }))
          .thenThrows('BISHOP_ERR_INVALID_VALUE', /Voice sample duration must be between 6 and 60 seconds/);
      });
    }

    it('rejects a speaker consistency above 1', () => {
      avatarSpec
        .given(awaiting)
        .when(accept({ speakerConsistency: 1.2 }))
        .thenThrows('BISHOP_ERR_INVALID_VALUE');
    });

    it('rejects a positive loudness', () => {
      avatarSpec
        .given(awaiting)
        .when(accept({ loudnessLufs: 3 }))
        .thenThrows('BISHOP_ERR_INVALID_VALUE');
    });

    it('rejects a check of an unknown sample', () => {
      avatarSpec
        .given(awaiting)
        .when(accept({ sampleId: id(52) }))
        .thenThrows('BISHOP_ERR_NOT_FOUND');
    });
  });

  describe('when the sample was checked', () => {
    it('ignores the same acceptance delivered again', () => {
      avatarSpec.given([created, consentRecorded, submitted(), sampleSet]).when(accept()).then([]);
    });

    it('ignores the same rejection delivered again', () => {
      avatarSpec.given([created, consentRecorded, submitted(), sampleRejected]).when(reject()).then([]);
    });

    it('rejects accepting a rejected sample', () => {
      avatarSpec
        .given([created, consentRecorded, submitted(), sampleRejected])
        .when(accept())
        .thenThrows('BISHOP_ERR_INVALID_STATE', /already rejected/);
    });

    it('rejects rejecting an accepted sample', () => {
      avatarSpec
        .given([created, consentRecorded, submitted(), sampleSet])
        .when(reject())
        .thenThrows('BISHOP_ERR_INVALID_STATE', /already accepted/);
    });

    it('rejects a different check of an accepted sample', () => {
      avatarSpec
        .given([created, consentRecorded, submitted(), sampleSet])
        .when(accept({ durationSec: 20 }))
        .thenThrows('BISHOP_ERR_INVALID_STATE');
    });
  });

  describe('withdrawing consent', () => {
    const withdrawn: AvatarEvent = { type: 'VoiceConsentWithdrawn', data: {} };
    const withdraw = () => avatarCommand('WithdrawVoiceConsent', {});

    it('records the withdrawal', () => {
      avatarSpec.given([created, consentRecorded, submitted(), sampleSet]).when(withdraw()).then([withdrawn]);
    });

    it('refuses to withdraw consent that was never recorded', () => {
      avatarSpec
        .given([created])
        .when(withdraw())
        .thenThrows('BISHOP_ERR_INVALID_STATE', /no voice consent/);
    });

    it('refuses to withdraw twice', () => {
      avatarSpec.given([created, consentRecorded, withdrawn]).when(withdraw()).thenThrows('BISHOP_ERR_INVALID_STATE');
    });

    it('refuses new samples until consent is recorded again', () => {
      avatarSpec
        .given([created, consentRecorded, withdrawn])
        .when(submit(uploadSource, id(52)))
        .thenThrows('BISHOP_ERR_INVALID_STATE', /consent/);
    });

    it('records consent given again after a withdrawal', () => {
      avatarSpec.given([created, consentRecorded, withdrawn]).when(recordConsent()).then([consentRecorded]);
    });
  });

  describe('several samples', () => {
    const OTHER = id(52);
    const otherSet: AvatarEvent = { type: 'VoiceSampleSet', data: { ...check, sampleId: OTHER } };
    const activate = (sampleId: string) => avatarCommand('ActivateVoiceSample', { sampleId });
    const activated = (sampleId: string): AvatarEvent => ({ type: 'VoiceSampleActivated', data: { sampleId } });
    const first = [created, consentRecorded, submitted(), sampleSet];

    it('keeps the sample in use when the new one was submitted not to replace it', () => {
      avatarSpec
        .given(first)
        .when(submit(uploadSource, OTHER, false))
        .then([submitted(uploadSource, OTHER, false)]);
      avatarSpec
        .given([...first, submitted(uploadSource, OTHER, false), otherSet])
        .when(activate(SAMPLE))
        .then([]);
    });

    it('uses the new sample once accepted when it was submitted to replace the one in use', () => {
      avatarSpec
        .given([...first, submitted(uploadSource, OTHER, true), otherSet])
        .when(activate(SAMPLE))
        .then([activated(SAMPLE)]);
    });

    it('uses the first accepted sample even when it was submitted not to replace', () => {
      avatarSpec
        .given([created, consentRecorded])
        .when(submit(uploadSource, SAMPLE, false))
        .then([submitted(uploadSource, SAMPLE, true)]);
    });

    it('lets the user choose which accepted sample is used', () => {
      avatarSpec
        .given([...first, submitted(uploadSource, OTHER, false), otherSet])
        .when(activate(OTHER))
        .then([activated(OTHER)]);
      avatarSpec
        .given([...first, submitted(uploadSource, OTHER, false), otherSet, activated(OTHER)])
        .when(activate(OTHER))
        .then([]);
    });

    it('refuses to use a sample that did not pass the check', () => {
      avatarSpec
        .given([...first, submitted(uploadSource, OTHER, false)])
        .when(activate(OTHER))
        .thenThrows('BISHOP_ERR_INVALID_STATE', /passed the check/);
      avatarSpec.given(first).when(activate(OTHER)).thenThrows('BISHOP_ERR_NOT_FOUND');
    });

    it('rejects a replacesActive that is not a boolean', () => {
      avatarSpec
        .given(first)
        .when(submit(uploadSource, OTHER, 'yes' as unknown as boolean))
        .thenThrows('BISHOP_ERR_INVALID_VALUE', /replaces the one in use/);
    });
  });
});
