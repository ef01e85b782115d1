import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AvatarEvent } from '@bishop/domain';
import type { AvatarRow } from '../../src/avatars/avatars.table.ts';
import type { AvatarStreamEvent } from '../../src/events/projected-event.ts';
import { voiceConsentAfter, voiceSampleAfter } from '../../src/voices/voice.changes.ts';
import type { VoiceSampleRow } from '../../src/voices/voice-samples.table.ts';

const avatar = { avatar_id: 'a', owner_id: 'o' } as AvatarRow;
const at = (position: number, event: AvatarEvent): AvatarStreamEvent =>
  ({
    ...event,
    position: BigInt(position),
    stream: 'avatar',
    streamId: 'a',
    occurredAt: new Date(position * 1000),
    actorId: 'user:o',
    revision: BigInt(position),
    chainHash: null,
    erased: new Set<string>(),
  }) as AvatarStreamEvent;
const consent = { basis: 'self', personName: 'Anna', consentGivenOn: '2026-12-01', statement: 'I agree.' } as const;
const check = { durationSec: 12, loudnessLufs: -20, speakerConsistency: 0.9 };

/** Folds a sample's events into its row, as the projector does. */
function sampleRow(events: AvatarStreamEvent[]): VoiceSampleRow | undefined {
  return events.reduce<VoiceSampleRow | undefined>(
    (row, event) => voiceSampleAfter(row, event, avatar) ?? row,
    undefined,
  );
}
const submitted = (position: number, replacesActive: boolean) =>
  at(position, {
    type: 'VoiceSampleSubmitted',
    data: { sampleId: 's', blobKey: 'k', source: { kind: 'upload', fileName: 'me.wav' }, replacesActive },
  });

describe('voice read models', () => {
  it('make an accepted sample the one in use only when it was submitted to replace it', () => {
    const set = at(3, { type: 'VoiceSampleSet', data: { sampleId: 's', ...check } });
    assert.equal(sampleRow([submitted(2, true), set])?.activated_position, 3n);
    const kept = sampleRow([submitted(2, false), set]);
    assert.equal(kept?.activated_position, null);
    assert.equal(kept?.state, 'ready');
    const chosen = sampleRow([
      submitted(2, false),
      set,
      at(9, { type: 'VoiceSampleActivated', data: { sampleId: 's' } }),
    ]);
    assert.equal(chosen?.activated_position, 9n);
  });

  it('keep a withdrawn consent marked, and remember the withdrawal when consent is given again', () => {
    const recorded = voiceConsentAfter(undefined, at(1, { type: 'VoiceConsentRecorded', data: consent }), avatar);
    assert.equal(recorded?.withdrawn_at, null);
    const withdrawn = voiceConsentAfter(recorded, at(5, { type: 'VoiceConsentWithdrawn', data: {} }), avatar);
    assert.deepEqual(withdrawn?.withdrawn_at, new Date(5000));
    assert.equal(withdrawn?.last_withdrawal_position, 5n);
    const again = voiceConsentAfter(withdrawn, at(8, { type: 'VoiceConsentRecorded', data: consent }), avatar);
    assert.equal(again?.withdrawn_at, null);
    assert.equal(again?.last_withdrawal_position, 5n);
    assert.equal(voiceConsentAfter(undefined, at(5, { type: 'VoiceConsentWithdrawn', data: {} }), avatar), undefined);
  });
});
