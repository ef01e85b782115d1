import { describe, it } from 'node:test';
import type { AvatarEvent, MaterialExtraction } from '../../src/avatar/avatar.events.ts';
import {
  asWorker,
  avatarCommand,
  avatarSpec,
  CHAT_EXPORT,
  chatExportFile,
  created,
  extracted,
  extracting,
  extraction,
  MATERIAL,
  materialFile,
  RECORDING,
  recordingFile,
  removed,
  uploaded,
} from '../support/avatar-history.ts';

const start = (materialId = MATERIAL) => avatarCommand('StartMaterialExtraction', { materialId }, asWorker);
const record = (result: MaterialExtraction = extraction()) =>
  avatarCommand('RecordMaterialExtraction', result, asWorker);
const failure = { reasonCode: 'PASSWORD_PROTECTED', reason: 'The PDF is protected by a password.' };
const fail = (reason = failure) =>
  avatarCommand('FailMaterialExtraction', { materialId: MATERIAL, ...reason }, asWorker);
const failed: AvatarEvent = {
  type: 'MaterialExtractionFailed',
  data: { materialId: MATERIAL, ...failure, media: null },
};

const whenUploaded = [created, uploaded(materialFile())];
const whenExtracting = [...whenUploaded, extracting(MATERIAL)];
const whenReady = [...whenExtracting, extracted(extraction())];
const whenFailed = [...whenExtracting, failed];
const whenRemoved = [...whenExtracting, removed(MATERIAL)];

describe('material extraction', () => {
  describe('when uploaded', () => {
    it('starts extracting', () => {
      avatarSpec
        .given(whenUploaded)
        .when(start())
        .then([extracting(MATERIAL)]);
    });

    it('rejects a result before extraction started', () => {
      avatarSpec
        .given(whenUploaded)
        .when(record())
        .thenThrows('BISHOP_ERR_INVALID_STATE', /material is uploaded/);
    });

    it('rejects a failure before extraction started', () => {
      avatarSpec.given(whenUploaded).when(fail()).thenThrows('BISHOP_ERR_INVALID_STATE');
    });

    it('rejects an unknown material', () => {
      avatarSpec.given(whenUploaded).when(start(CHAT_EXPORT)).thenThrows('BISHOP_ERR_NOT_FOUND');
    });
  });

  describe('when extracting', () => {
    it('ignores a redelivered start', () => {
      avatarSpec.given(whenExtracting).when(start()).then([]);
    });

    it('records the result', () => {
      avatarSpec
        .given(whenExtracting)
        .when(record())
        .then([extracted(extraction())]);
    });

    it('records a failure with its reason', () => {
      avatarSpec.given(whenExtracting).when(fail()).then([failed]);
    });

    it('normalises the language and an empty preview', () => {
      avatarSpec
        .given(whenExtracting)
        .when(record(extraction(MATERIAL, { language: 'EN-us', preview: '  ' })))
        .then([extracted(extraction(MATERIAL, { language: 'en-US', preview: '' }))]);
    });

    it('records the participants of a chat export', () => {
      const result = extraction(CHAT_EXPORT, { participants: ['Anna', 'Boris'] });
      avatarSpec
        .given([created, uploaded(chatExportFile), extracting(CHAT_EXPORT)])
        .when(record(result))
        .then([extracted(result)]);
    });

    const badResults: [string, Partial<MaterialExtraction>, string][] = [
      ['a result without text', { charCount: 0 }, 'BISHOP_ERR_INVALID_VALUE'],
      ['a negative duration', { durationSec: -1 }, 'BISHOP_ERR_INVALID_VALUE'],
      ['participants for a text material', { participants: ['Anna'] }, 'BISHOP_ERR_INVALID_VALUE'],
      ['a preview over 500 characters', { preview: 'x'.repeat(501) }, 'BISHOP_ERR_TEXT_TOO_LONG'],
      ['a preview that is not valid UTF-8', { preview: '\ud800' }, 'BISHOP_ERR_TEXT_INVALID_UTF8'],
      ['an invalid language', { language: 'russian language' }, 'BISHOP_ERR_INVALID_VALUE'],
      ['a bad text blob key', { textBlobKey: '/absolute' }, 'BISHOP_ERR_INVALID_VALUE'],
    ];
    for (const [what, overrides, code] of badResults) {
      it(`rejects ${what}`, () => {
        avatarSpec
          .given(whenExtracting)
          .when(record(extraction(MATERIAL, overrides)))
          .thenThrows(code as 'BISHOP_ERR_INVALID_VALUE');
      });
    }

    const chatExportExtracting = [created, uploaded(chatExportFile), extracting(CHAT_EXPORT)];
    it('rejects a chat export without participants', () => {
      avatarSpec
        .given(chatExportExtracting)
        .when(record(extraction(CHAT_EXPORT)))
        .thenThrows('BISHOP_ERR_INVALID_VALUE', /at least|between 1/);
    });

    it('rejects a participant listed twice', () => {
      avatarSpec
        .given(chatExportExtracting)
        .when(record(extraction(CHAT_EXPORT, { participants: ['Anna', 'Anna'] })))
        .thenThrows('BISHOP_ERR_INVALID_VALUE', /listed once/);
    });

    it('rejects a participant name with a line break', () => {
      avatarSpec
        .given(chatExportExtracting)
        .when(record(extraction(CHAT_EXPORT, { participants: ['An\nna'] })))
        .thenThrows('BISHOP_ERR_TEXT_CONTROL_CHARACTERS');
    });

    it('rejects a failure without a readable reason', () => {
      avatarSpec
        .given(whenExtracting)
        .when(fail({ ...failure, reason: '' }))
        .thenThrows('BISHOP_ERR_TEXT_REQUIRED');
    });

    it('rejects a reason code that is not UPPER_SNAKE_CASE', () => {
      avatarSpec
        .given(whenExtracting)
        .when(fail({ ...failure, reasonCode: 'bad code' }))
        .thenThrows('BISHOP_ERR_INVALID_VALUE');
    });
  });

  describe('chat facts, decoded media and notes', () => {
    const chatExtracting = [created, uploaded(chatExportFile), extracting(CHAT_EXPORT)];
    const facts = {
      firstMessageAt: '2024-03-05T16:05:00Z',
      lastMessageAt: '2024-03-06T18:32:00Z',
      timeZoneKnown: true,
      participants: [
        {
          name: 'Anna',
          messageCount: 6,
          firstMessageAt: '2024-03-05T16:10:00Z',
          lastMessageAt: '2024-03-06T18:31:00Z',
        },
        { name: 'Boris', messageCount: 7, firstMessageAt: '2024-03-05T16:05:00Z', lastMessageAt: null },
      ],
    };
    const chatResult = (overrides: Partial<MaterialExtraction> = {}) =>
      extraction(CHAT_EXPORT, {
        participants: ['Anna', 'Boris'],
        chat: facts,
        notes: ['1 message has no readable time'],
        ...overrides,
      });

    it('records who wrote how much and when, and the notes', () => {
      avatarSpec
        .given(chatExtracting)
        .when(record(chatResult()))
        .then([extracted(chatResult())]);
    });

    it('rejects facts about other people than the listed participants', () => {
      const stranger = { ...facts, participants: [{ ...facts.participants[0], name: 'Clara' }, facts.participants[1]] };
      avatarSpec
        .given(chatExtracting)
        .when(record(chatResult({ chat: stranger as typeof facts })))
        .thenThrows('BISHOP_ERR_INVALID_VALUE', /exactly the listed participants/);
    });

    it('rejects a time that is not an instant in UTC (no NaN, no local time)', () => {
      for (const firstMessageAt of ['2024-03-05T19:05:00', 'NaN', '2024-03-05T16:05:00ZZ']) {
        avatarSpec
          .given(chatExtracting)
          .when(record(chatResult({ chat: { ...facts, firstMessageAt } })))
          .thenThrows('BISHOP_ERR_INVALID_VALUE', /ISO 8601 time in UTC/);
      }
    });

    it('keeps what a recording decoded, and drops decoded media reported for a document', () => {
      const media = { durationSec: 12.5, channels: 2, sampleRate: 44_100 };
      const recording = extraction(RECORDING, { durationSec: 12.5, media });
      avatarSpec
        .given([created, uploaded(recordingFile), extracting(RECORDING)])
        .when(record(recording))
        .then([extracted(recording)]);
      avatarSpec
        .given(whenExtracting)
        .when(record(extraction(MATERIAL, { media })))
        .then([extracted(extraction(MATERIAL, { media: null }))]);
    });

    it('records what a failed recording decoded beside the reason', () => {
      const media = { durationSec: 30, channels: 1, sampleRate: 16_000 };
      const noSpeech = { reasonCode: 'NO_SPEECH', reason: 'No speech was found in the recording' };
      avatarSpec
        .given([created, uploaded(recordingFile), extracting(RECORDING)])
        .when(avatarCommand('FailMaterialExtraction', { materialId: RECORDING, ...noSpeech, media }, asWorker))
        .then([{ type: 'MaterialExtractionFailed', data: { materialId: RECORDING, ...noSpeech, media } }]);
    });

    it('rejects impossible decoded figures', () => {
      avatarSpec
        .given([created, uploaded(recordingFile), extracting(RECORDING)])
        .when(
          avatarCommand(
            'FailMaterialExtraction',
            { materialId: RECORDING, ...failure, media: { durationSec: 1, channels: 1.5, sampleRate: 8000 } },
            asWorker,
          ),
        )
        .thenThrows('BISHOP_ERR_INVALID_VALUE', /Decoded channels/);
    });
  });

  describe('when ready', () => {
    it('ignores the same result delivered again', () => {
      avatarSpec.given(whenReady).when(record()).then([]);
    });

    it('rejects a different result', () => {
      avatarSpec
        .given(whenReady)
        .when(record(extraction(MATERIAL, { charCount: 5 })))
        .thenThrows('BISHOP_ERR_INVALID_STATE', /material is ready/);
    });

    it('rejects starting again', () => {
      avatarSpec.given(whenReady).when(start()).thenThrows('BISHOP_ERR_INVALID_STATE');
    });

    it('rejects a failure', () => {
      avatarSpec.given(whenReady).when(fail()).thenThrows('BISHOP_ERR_INVALID_STATE');
    });
  });

  describe('when failed', () => {
    it('ignores the same failure delivered again', () => {
      avatarSpec.given(whenFailed).when(fail()).then([]);
    });

    it('rejects a different failure', () => {
      avatarSpec
        .given(whenFailed)
        .when(fail({ reasonCode: 'EMPTY', reason: 'The file holds no text.' }))
        .thenThrows('BISHOP_ERR_INVALID_STATE');
    });

    it('rejects a result', () => {
      avatarSpec.given(whenFailed).when(record()).thenThrows('BISHOP_ERR_INVALID_STATE');
    });

    it('rejects starting again', () => {
      avatarSpec.given(whenFailed).when(start()).thenThrows('BISHOP_ERR_INVALID_STATE');
    });
  });

  describe('when removed meanwhile', () => {
    it('drops a late start', () => {
      avatarSpec
        .given([...whenUploaded, removed(MATERIAL)])
        .when(start())
        .then([]);
    });

    it('drops a late result', () => {
      avatarSpec.given(whenRemoved).when(record()).then([]);
    });

    it('drops a late failure', () => {
      avatarSpec.given(whenRemoved).when(fail()).then([]);
    });
  });
});
