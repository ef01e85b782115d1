import { describe, it } from 'node:test';
import type { AvatarEvent } from '../../src/avatar/avatar.events.ts';
import {
  avatarCommand,
  avatarSpec,
  CHAT_EXPORT,
  created,
  MATERIAL,
  materialFile,
  participantChosen,
  RUN,
  readyChatExport,
  removed,
  trainingStarted,
  uploaded,
} from '../support/avatar-history.ts';
import { id, sha } from '../support/ids.ts';

const upload = (overrides: Parameters<typeof materialFile>[1] = {}) =>
  avatarCommand('UploadMaterial', materialFile(MATERIAL, overrides));

/** `count` live materials with ids and hashes that do not clash with MATERIAL. */
const manyUploads = (count: number): AvatarEvent[] =>
  Array.from({ length: count }, (_, i) => uploaded(materialFile(id(10_000 + i), { sha256: sha(10_000 + i) })));

describe('materials', () => {
  describe('uploading', () => {
    it('records the file with a normalised media type', () => {
      avatarSpec
        .given([created])
        .when(upload({ mediaType: ' Text/Plain ' }))
        .then([{ type: 'MaterialUploaded', data: materialFile(MATERIAL, { mediaType: 'text/plain' }) }]);
    });

    it('accepts a file of exactly 4 GiB', () => {
      avatarSpec
        .given([created])
        .when(upload({ sizeBytes: 4 * 1024 ** 3 }))
        .then([{ type: 'MaterialUploaded', data: materialFile(MATERIAL, { sizeBytes: 4 * 1024 ** 3 }) }]);
    });

    it('rejects a file over 4 GiB', () => {
      avatarSpec
        .given([created])
        .when(upload({ sizeBytes: 5 * 1024 ** 3 }))
        .thenThrows('BISHOP_ERR_LIMIT_EXCEEDED', /at most 4 GiB \(got 5.0 GiB\)/);
    });

    it('rejects an empty file', () => {
      avatarSpec
        .given([created])
        .when(upload({ sizeBytes: 0 }))
        .thenThrows('BISHOP_ERR_INVALID_VALUE');
    });

    it('rejects a fractional size', () => {
      avatarSpec
        .given([created])
        .when(upload({ sizeBytes: 10.5 }))
        .thenThrows('BISHOP_ERR_INVALID_VALUE');
    });

    it('rejects the 1001st live material', () => {
      avatarSpec
        .given([created, ...manyUploads(1000)])
        .when(upload())
        .thenThrows('BISHOP_ERR_LIMIT_EXCEEDED');
    });

    it('accepts a new material once one of 1000 is removed', () => {
      avatarSpec
        .given([created, ...manyUploads(1000), removed(id(10_000))])
        .when(upload())
        .then([{ type: 'MaterialUploaded', data: materialFile() }]);
    });

    it('rejects the same content again, naming the earlier file', () => {
      avatarSpec
        .given([created, uploaded(materialFile(id(99), { fileName: 'first.txt', sha256: sha(21) }))])
        .when(upload())
        .thenThrows('BISHOP_ERR_ALREADY_EXISTS', /already uploaded as "first\.txt"/);
    });

    it('accepts the same content again after the earlier copy was removed', () => {
      avatarSpec
        .given([created, uploaded(materialFile(id(99), { sha256: sha(21) })), removed(id(99))])
        .when(upload())
        .then([{ type: 'MaterialUploaded', data: materialFile() }]);
    });

    it('rejects a material id already used', () => {
      avatarSpec
        .given([created, uploaded(materialFile(MATERIAL, { sha256: sha(5) })), removed(MATERIAL)])
        .when(upload())
        .thenThrows('BISHOP_ERR_ALREADY_EXISTS');
    });

    it('accepts new material while training', () => {
      avatarSpec
        .given([created, trainingStarted()])
        .when(upload())
        .then([{ type: 'MaterialUploaded', data: materialFile() }]);
    });

    const badFiles: [string, Parameters<typeof materialFile>[1], string][] = [
      ['a file name with a slash', { fileName: 'dir/a.txt' }, 'BISHOP_ERR_INVALID_VALUE'],
      ['a file name with a backslash', { fileName: '..\\a.txt' }, 'BISHOP_ERR_INVALID_VALUE'],
      ['the file name ".."', { fileName: '..' }, 'BISHOP_ERR_INVALID_VALUE'],
      ['a file name over 255 characters', { fileName: `${'a'.repeat(252)}.txt` }, 'BISHOP_ERR_TEXT_TOO_LONG'],
      ['a file name with a control character', { fileName: 'a\u0000.txt' }, 'BISHOP_ERR_TEXT_CONTROL_CHARACTERS'],
      ['a file name that is not valid UTF-8', { fileName: 'a\udc00.txt' }, 'BISHOP_ERR_TEXT_INVALID_UTF8'],
      ['an empty file name', { fileName: '' }, 'BISHOP_ERR_TEXT_REQUIRED'],
      ['an unknown kind', { kind: 'pdf' as 'text' }, 'BISHOP_ERR_INVALID_VALUE'],
      ['a media type without a subtype', { mediaType: 'text' }, 'BISHOP_ERR_INVALID_VALUE'],
      ['a hash that is not SHA-256 hex', { sha256: 'abc' }, 'BISHOP_ERR_INVALID_VALUE'],
      ['a blob key escaping its bucket', { blobKey: 'materials/../../etc' }, 'BISHOP_ERR_INVALID_VALUE'],
      ['a bad material id', { materialId: 'material-1' }, 'BISHOP_ERR_INVALID_ID'],
    ];
    for (const [what, overrides, code] of badFiles) {
      it(`rejects ${what}`, () => {
        avatarSpec
          .given([created])
          .when(upload(overrides))
          .thenThrows(code as 'BISHOP_ERR_INVALID_VALUE');
      });
    }
  });

  describe('removing', () => {
    it('removes a material', () => {
      avatarSpec
        .given([created, uploaded(materialFile())])
        .when(avatarCommand('RemoveMaterial', { materialId: MATERIAL }))
        .then([removed(MATERIAL)]);
    });

    it('ignores removing it twice', () => {
      avatarSpec
        .given([created, uploaded(materialFile()), removed(MATERIAL)])
        .when(avatarCommand('RemoveMaterial', { materialId: MATERIAL }))
        .then([]);
    });

    it('rejects an unknown material', () => {
      avatarSpec
        .given([created])
        .when(avatarCommand('RemoveMaterial', { materialId: MATERIAL }))
        .thenThrows('BISHOP_ERR_NOT_FOUND');
    });

    it('rejects a bad material id', () => {
      avatarSpec
        .given([created])
        .when(avatarCommand('RemoveMaterial', { materialId: 'x' }))
        .thenThrows('BISHOP_ERR_INVALID_ID');
    });

    describe('when training', () => {
      it('rejects removing a material the run uses', () => {
        avatarSpec
          .given([created, uploaded(materialFile()), trainingStarted()])
          .when(avatarCommand('RemoveMaterial', { materialId: MATERIAL }))
          .thenThrows('BISHOP_ERR_TRAINING_RUNNING');
      });

      it('removes a material the run does not use', () => {
        avatarSpec
          .given([created, trainingStarted(RUN, [id(99)]), uploaded(materialFile())])
          .when(avatarCommand('RemoveMaterial', { materialId: MATERIAL }))
          .then([removed(MATERIAL)]);
      });
    });
  });

  describe('choosing the chat participant', () => {
    const choose = (participant: string | string[], materialId = CHAT_EXPORT) =>
      avatarCommand('ChooseChatParticipant', { materialId, participants: [participant].flat() });

    it('records the person among the participants', () => {
      avatarSpec
        .given([created, ...readyChatExport])
        .when(choose(' Anna '))
        .then([participantChosen]);
    });

    it('ignores choosing the same participant again', () => {
      avatarSpec
        .given([created, ...readyChatExport, participantChosen])
        .when(choose('Anna'))
        .then([]);
    });

    it('records a change of mind', () => {
      avatarSpec
        .given([created, ...readyChatExport, participantChosen])
        .when(choose('Boris'))
        .then([{ type: 'ChatParticipantChosen', data: { materialId: CHAT_EXPORT, participants: ['Boris'] } }]);
    });

    it('records several names that are all the person (one person’s addresses), each once', () => {
      avatarSpec
        .given([created, ...readyChatExport, participantChosen])
        .when(choose(['Anna', 'Boris', 'Anna']))
        .then([{ type: 'ChatParticipantChosen', data: { materialId: CHAT_EXPORT, participants: ['Anna', 'Boris'] } }]);
    });

    it('ignores the same set chosen again in another order', () => {
      avatarSpec
        .given([
          created,
          ...readyChatExport,
          { type: 'ChatParticipantChosen', data: { materialId: CHAT_EXPORT, participants: ['Anna', 'Boris'] } },
        ])
        .when(choose(['Boris', 'Anna']))
        .then([]);
    });

    it('rejects an empty choice, and a set with someone not in the chat', () => {
      avatarSpec
        .given([created, ...readyChatExport])
        .when(choose([]))
        .thenThrows('BISHOP_ERR_INVALID_VALUE', /at least one participant/);
      avatarSpec
        .given([created, ...readyChatExport])
        .when(choose(['Anna', 'Clara']))
        .thenThrows('BISHOP_ERR_INVALID_VALUE', /"Clara" is not a participant/);
    });

    it('rejects someone who is not in the chat', () => {
      avatarSpec
        .given([created, ...readyChatExport])
        .when(choose('Clara'))
        .thenThrows('BISHOP_ERR_INVALID_VALUE', /"Clara" is not a participant/);
    });

    it('rejects a material that is not a chat export', () => {
      avatarSpec
        .given([created, uploaded(materialFile())])
        .when(choose('Anna', MATERIAL))
        .thenThrows('BISHOP_ERR_INVALID_VALUE', /not a chat export/);
    });

    it('rejects a chat export whose extraction is not ready', () => {
      avatarSpec
        .given([created, ...readyChatExport.slice(0, 2)])
        .when(choose('Anna'))
        .thenThrows('BISHOP_ERR_INVALID_STATE');
    });

    it('rejects a removed chat export', () => {
      avatarSpec
        .given([created, ...readyChatExport, removed(CHAT_EXPORT)])
        .when(choose('Anna'))
        .thenThrows('BISHOP_ERR_NOT_FOUND');
    });

    it('rejects an empty participant', () => {
      avatarSpec
        .given([created, ...readyChatExport])
        .when(choose(' '))
        .thenThrows('BISHOP_ERR_TEXT_REQUIRED');
    });

    it('rejects changing the participant of a chat the running training uses', () => {
      avatarSpec
        .given([created, ...readyChatExport, participantChosen, trainingStarted(RUN, [CHAT_EXPORT])])
        .when(choose('Boris'))
        .thenThrows('BISHOP_ERR_TRAINING_RUNNING');
    });
  });
});
