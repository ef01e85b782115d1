import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { voiceSampleBlobKey } from '@bishop/domain';
import type { EventStore, RecordedEvent } from '@bishop/domain/ports';
import { planDubVoice } from '../../src/dubbing/dub-voice.ts';

const avatarId = randomUUID();
const sampleId = randomUUID();

/** An event as the store returns it; only type, data and schemaVersion matter to the fold. */
function recorded(type: string, data: Record<string, unknown>, revision: number): RecordedEvent {
  return {
    type,
    data,
    streamName: `avatar-${avatarId}`,
    revision: BigInt(revision),
    position: BigInt(revision + 1),
    recordedAt: new Date(),
    metadata: {
      eventId: randomUUID(),
      commandId: randomUUID(),
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actorId: 'user:test',
      schemaVersion: 1,
      occurredAt: new Date().toISOString(),
    },
  } as unknown as RecordedEvent;
}

const created = { type: 'AvatarCreated', data: { avatarId, ownerId: randomUUID(), name: 'Лектор' } };
const consent = {
  type: 'VoiceConsentRecorded',
  data: { basis: 'self', personName: 'Лектор', consentGivenOn: '2026-01-01', statement: 'Это мой голос.' },
};
const submitted = {
  type: 'VoiceSampleSubmitted',
  data: { sampleId, blobKey: voiceSampleBlobKey(avatarId, sampleId), source: { kind: 'upload' } },
};
const accepted = {
  type: 'VoiceSampleSet',
  data: { sampleId, durationSec: 12, loudnessLufs: -20, speakerConsistency: 0.9 },
};

/** The fold reads the stream once; this store holds exactly the given events. */
function storeWith(...events: { type: string; data: Record<string, unknown> }[]): EventStore {
  return {
    readStream: async () => events.map((event, i) => recorded(event.type, event.data, i)),
  } as unknown as EventStore;
}

describe('whose voice speaks a dub', () => {
  it('clones only with recorded consent and an accepted sample', async () => {
    const plan = await planDubVoice(storeWith(created, consent, submitted, accepted), avatarId);
    assert.equal(plan.kind, 'clone');
    assert.equal(plan.kind === 'clone' && plan.sampleBlobKey, voiceSampleBlobKey(avatarId, sampleId));
  });

  it('uses a generic voice without consent, even with an accepted sample', async () => {
    assert.deepEqual(await planDubVoice(storeWith(created, submitted, accepted), avatarId), {
      kind: 'generic',
      reason: 'no-consent',
    });
  });

  it('uses a generic voice with consent but no accepted sample (submitted or rejected only)', async () => {
    assert.deepEqual(await planDubVoice(storeWith(created, consent, submitted), avatarId), {
      kind: 'generic',
      reason: 'no-sample',
    });
    const rejected = { type: 'VoiceSampleRejected', data: { sampleId, reasonCode: 'SAMPLE_UNFIT', reason: 'noisy' } };
    assert.deepEqual(await planDubVoice(storeWith(created, consent, submitted, rejected), avatarId), {
      kind: 'generic',
      reason: 'no-sample',
    });
  });

  it('never clones a deleted avatar', async () => {
    const deleted = { type: 'AvatarDeleted', data: {} };
    const plan = await planDubVoice(storeWith(created, consent, submitted, accepted, deleted), avatarId);
    assert.deepEqual(plan, { kind: 'generic', reason: 'no-avatar' });
  });

  it('stops cloning as soon as consent is withdrawn, and again clones once it is given anew', async () => {
    const withdrawn = { type: 'VoiceConsentWithdrawn', data: {} };
    assert.deepEqual(await planDubVoice(storeWith(created, consent, submitted, accepted, withdrawn), avatarId), {
      kind: 'generic',
      reason: 'no-consent',
    });
    const again = await planDubVoice(storeWith(created, consent, submitted, accepted, withdrawn, consent), avatarId);
    assert.equal(again.kind, 'clone');
  });

  it('clones from the sample the user chose among several', async () => {
    const otherId = randomUUID();
    const other = [
      { type: 'VoiceSampleSubmitted', data: { ...submitted.data, sampleId: otherId, blobKey: 'other' } },
      { type: 'VoiceSampleSet', data: { ...accepted.data, sampleId: otherId } },
    ];
    const chosen = { type: 'VoiceSampleActivated', data: { sampleId } };
    const newest = await planDubVoice(storeWith(created, consent, submitted, accepted, ...other), avatarId);
    assert.equal(newest.kind === 'clone' && newest.sampleBlobKey, voiceSampleBlobKey(avatarId, otherId));
    const plan = await planDubVoice(storeWith(created, consent, submitted, accepted, ...other, chosen), avatarId);
    assert.equal(plan.kind === 'clone' && plan.sampleBlobKey, voiceSampleBlobKey(avatarId, sampleId));
  });
});
