import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { avatarDecider } from '../../src/avatar/avatar.decider.ts';
import type { AvatarEvent } from '../../src/avatar/avatar.events.ts';
import { eventCatalogue } from '../../src/events/catalogue.ts';
import { toDomainEvent, upcastEvent, upcasters } from '../../src/events/upcasting.ts';
import { foldEvents } from '../../src/kernel/decider.ts';
import { isDomainError } from '../../src/kernel/errors.ts';
import type { JsonObject } from '../../src/kernel/json.ts';

/** MaterialUploaded as Bishop stored it at schema version 1. */
const storedV1 = (fileName: string, contentType: string): JsonObject =>
  JSON.parse(
    `{"materialId":"00000000-0000-4000-8000-000000000021","fileName":${JSON.stringify(fileName)},` +
      `"contentType":${JSON.stringify(contentType)},"size":52311,"blobKey":"materials/m21",` +
      `"sha256":"${'ab'.repeat(32)}"}`,
  );

const kindOf = (fileName: string, contentType: string) =>
  upcastEvent('MaterialUploaded', 1, storedV1(fileName, contentType)).data.kind;

describe('upcasting', () => {
  describe('ChatParticipantChosen v1 → v2', () => {
    it('reads the one participant as a set of one, and an erased one as nobody chosen', () => {
      const materialId = '00000000-0000-4000-8000-000000000021';
      const stored = (participant: string) =>
        JSON.parse(`{"materialId":"${materialId}","participant":${JSON.stringify(participant)}}`) as JsonObject;
      assert.deepEqual(upcastEvent('ChatParticipantChosen', 1, stored('Анна')), {
        schemaVersion: 2,
        data: { materialId, participants: ['Анна'] },
      });
      assert.deepEqual(upcastEvent('ChatParticipantChosen', 1, stored('')).data, { materialId, participants: [] });
    });
  });

  describe('MaterialUploaded v1 → v2', () => {
    it('renames the fields and adds the kind', () => {
      assert.deepEqual(upcastEvent('MaterialUploaded', 1, storedV1('lecture.pdf', 'application/pdf')), {
        schemaVersion: 2,
        data: {
          materialId: '00000000-0000-4000-8000-000000000021',
          fileName: 'lecture.pdf',
          mediaType: 'application/pdf',
          kind: 'text',
          sizeBytes: 52311,
          sha256: 'ab'.repeat(32),
          blobKey: 'materials/m21',
        },
      });
    });

    const kinds: [string, string, string][] = [
      ['interview.mp3', 'audio/mpeg', 'audio'],
      ['voice.ogg', 'Audio/OGG', 'audio'],
      ['talk.mp4', 'video/mp4', 'video'],
      ['result.json', 'application/json', 'chatExport'],
      ['Result.JSON', 'application/octet-stream', 'chatExport'],
      ['WhatsApp Chat with Anna.txt', 'text/plain', 'chatExport'],
      ['Чат WhatsApp с Анной.txt', 'text/plain', 'chatExport'],
      ['_chat.txt', 'text/plain', 'chatExport'],
      ['data.json', 'application/json', 'text'],
      ['notes.txt', 'text/plain', 'text'],
      ['WhatsApp Chat with Anna.zip', 'application/zip', 'text'],
    ];
    for (const [fileName, contentType, kind] of kinds) {
      it(`derives ${kind} for ${fileName} (${contentType})`, () => {
        assert.equal(kindOf(fileName, contentType), kind);
      });
    }

    it('lowercases the media type and fills in a missing one', () => {
      assert.equal(upcastEvent('MaterialUploaded', 1, storedV1('a.txt', 'Text/Plain')).data.mediaType, 'text/plain');
      assert.equal(
        upcastEvent('MaterialUploaded', 1, storedV1('a.bin', '')).data.mediaType,
        'application/octet-stream',
      );
    });

    it('feeds the avatar decider like a current event', () => {
      const created = { type: 'AvatarCreated', data: { avatarId: 'a', ownerId: 'o', name: 'Anna' } };
      const state = foldEvents(avatarDecider, [
        toDomainEvent(created.type, 1, created.data) as AvatarEvent,
        toDomainEvent('MaterialUploaded', 1, storedV1('result.json', 'application/json')) as AvatarEvent,
      ]);
      assert.equal(state.status, 'idle');
      const material = state.status === 'idle' ? state.materials.get('00000000-0000-4000-8000-000000000021') : null;
      assert.equal(material?.kind, 'chatExport');
      assert.equal(material?.sizeBytes, 52311);
    });
  });

  describe('MaterialExtracted and MaterialExtractionFailed v1 → v2', () => {
    const extractedV1: JsonObject = JSON.parse(
      '{"materialId":"00000000-0000-4000-8000-000000000021","textBlobKey":"texts/m21.txt","segmentsBlobKey":null,' +
        '"charCount":1200,"durationSec":null,"language":"mixed","participants":["Anna","Boris"],"preview":"Anna: hi"}',
    );

    it('reads the facts v1 did not know as unknown, never as invented values', () => {
      assert.deepEqual(upcastEvent('MaterialExtracted', 1, extractedV1), {
        schemaVersion: 2,
        data: { ...extractedV1, chat: null, media: null, notes: [] },
      });
      const failedV1: JsonObject = { materialId: 'm', reasonCode: 'NO_SPEECH', reason: 'No speech was found' };
      assert.deepEqual(upcastEvent('MaterialExtractionFailed', 1, failedV1), {
        schemaVersion: 2,
        data: { ...failedV1, media: null },
      });
    });
  });

  it('reads a v1 voice sample rejection (stored JSON) as one that measured nothing', () => {
    const stored = JSON.parse('{"sampleId":"s-1","reasonCode":"SAMPLE_UNFIT","reason":"Too quiet."}');
    assert.deepEqual(upcastEvent('VoiceSampleRejected', 1, stored), {
      data: { sampleId: 's-1', reasonCode: 'SAMPLE_UNFIT', reason: 'Too quiet.', measured: null },
      schemaVersion: 2,
    });
  });

  it('reads a v1 reply (stored JSON) as one that described no sources and knew no closeness', () => {
    const stored = JSON.parse(
      '{"messageId":"m","replyId":"r","text":"Hi","personaVersion":1,"model":"retrieval","latencyMs":5,' +
        '"promptTokens":0,"completionTokens":1,"sourceIds":["a:1"]}',
    );
    assert.deepEqual(upcastEvent('ReplyGenerated', 1, stored), {
      data: { ...stored, sources: [], closeness: null },
      schemaVersion: 2,
    });
  });

  it('reads a v1 voice sample submission (stored JSON) as one that replaces the sample in use', () => {
    const stored = JSON.parse('{"sampleId":"s-1","blobKey":"k","source":{"kind":"upload","fileName":"me.wav"}}');
    assert.deepEqual(upcastEvent('VoiceSampleSubmitted', 1, stored), {
      data: { ...stored, replacesActive: true },
      schemaVersion: 2,
    });
  });

  it('leaves an event at its current version untouched', () => {
    const data = { name: 'Anna' };
    assert.deepEqual(upcastEvent('AvatarRenamed', 1, data), { data, schemaVersion: 1 });
  });

  it('has an upcaster for every step of every event type past version 1', () => {
    for (const [type, { schemaVersion }] of Object.entries(eventCatalogue)) {
      const steps = Object.keys(upcasters[type as keyof typeof upcasters] ?? {}).map(Number);
      assert.deepEqual(
        steps,
        Array.from({ length: schemaVersion - 1 }, (_, i) => i + 1),
        type,
      );
    }
  });

  const unsupported: [string, string, number][] = [
    ['an unknown event type', 'AvatarHypnotised', 1],
    ['a version from a newer Bishop', 'MaterialUploaded', 3],
    ['version 0', 'AvatarRenamed', 0],
    ['a fractional version', 'AvatarRenamed', 1.5],
  ];
  for (const [what, type, version] of unsupported) {
    it(`rejects ${what}`, () => {
      assert.throws(
        () => upcastEvent(type, version, {}),
        (error) => isDomainError(error) && error.code === 'BISHOP_ERR_UNSUPPORTED_EVENT',
      );
    });
  }

  describe('ChatOpened v1 → v2', () => {
    const storedChatV1: JsonObject = JSON.parse(
      '{"chatId":"00000000-0000-4000-8000-000000000031","avatarId":"00000000-0000-4000-8000-000000000011",' +
        '"ownerId":"00000000-0000-4000-8000-000000000001","title":"About physics"}',
    );

    it('follows the active persona version, as v1 chats always did', () => {
      assert.deepEqual(upcastEvent('ChatOpened', 1, storedChatV1), {
        schemaVersion: 2,
        data: { ...storedChatV1, personaVersion: null },
      });
    });

    it('leaves v2 data as it is', () => {
      const v2 = { ...storedChatV1, personaVersion: 2 };
      assert.deepEqual(upcastEvent('ChatOpened', 2, v2), { schemaVersion: 2, data: v2 });
    });
  });
});
