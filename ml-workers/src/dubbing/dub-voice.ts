import {
  type AvatarEvent,
  type AvatarState,
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

/** The avatar now, folded with the avatar decider's own `evolve` (read when speaking, so a withdrawal counts at once). */
async function avatarNow(eventStore: EventStore, avatarId: string): Promise<AvatarState> {
  const recorded = await eventStore.readStream(avatarStream(avatarId));
  let state = avatarDecider.initialState();
  for (const event of recorded) {
    state = avatarDecider.evolve(
      state,
      toDomainEvent(event.type, event.metadata.schemaVersion, event.data) as AvatarEvent,
    );
  }
  return state;
}

/**
 * The consent rule: clone only when a consent stands (recorded, not withdrawn)
 * AND an accepted voice sample is chosen (`sampleId`: a preview's sample instead
 * of the chosen one); otherwise a generic voice.
 */
export async function planDubVoice(eventStore: EventStore, avatarId: string, sampleId?: string): Promise<DubVoicePlan> {
  const state = await avatarNow(eventStore, avatarId);
  if (state.status !== 'idle' && state.status !== 'training') return { kind: 'generic', reason: 'no-avatar' };
  const { consent, activeSampleId, samples } = state.voice;
  if (consent === null) return { kind: 'generic', reason: 'no-consent' };
  const chosen = sampleId ?? activeSampleId;
  if (chosen === null || samples.get(chosen)?.status !== 'accepted') return { kind: 'generic', reason: 'no-sample' };
  return { kind: 'clone', sampleBlobKey: voiceSampleBlobKey(avatarId, chosen), consent };
}
