import {
  type AvatarEvent,
  avatarDecider,
  avatarStream,
  toDomainEvent,
  type VoiceConsent,
  voiceSampleBlobKey,
} from '@bishop/domain';
import type { EventStore } from '@bishop/domain/ports';

/** Whose voice speaks a dub: the person's (a blob to clone from) or a generic one, and why. */
export type DubVoicePlan =
  | { readonly kind: 'clone'; readonly sampleBlobKey: string; readonly consent: VoiceConsent }
  | { readonly kind: 'generic'; readonly reason: 'no-consent' | 'no-sample' | 'no-avatar' };

/**
 * Folds the avatar stream with the avatar decider's own `evolve` and applies
 * the consent rule: clone only when VoiceConsentRecorded exists AND an
 * accepted voice sample is active; otherwise a generic voice.
 */
export async function planDubVoice(eventStore: EventStore, avatarId: string): Promise<DubVoicePlan> {
  const recorded = await eventStore.readStream(avatarStream(avatarId));
  let state = avatarDecider.initialState();
  for (const event of recorded) {
    state = avatarDecider.evolve(
      state,
      toDomainEvent(event.type, event.metadata.schemaVersion, event.data) as AvatarEvent,
    );
  }
  if (state.status !== 'idle' && state.status !== 'training') return { kind: 'generic', reason: 'no-avatar' };
  const { consent, activeSampleId } = state.voice;
  if (consent === null) return { kind: 'generic', reason: 'no-consent' };
  if (activeSampleId === null) return { kind: 'generic', reason: 'no-sample' };
  return { kind: 'clone', sampleBlobKey: voiceSampleBlobKey(avatarId, activeSampleId), consent };
}
