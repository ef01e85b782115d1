import { avatarDecider, avatarStream, type VoiceConsent, voiceSampleBlobKey } from '@bishop/domain';
import { aggregateOf, type EventStore } from '@bishop/domain/ports';

/** Whose voice speaks a dub: the person's (a blob to clone from) or a generic one, and why. */
export type DubVoicePlan =
  | { readonly kind: 'clone'; readonly sampleBlobKey: string; readonly consent: VoiceConsent }
  | { readonly kind: 'generic'; readonly reason: 'no-consent' | 'no-sample' | 'no-avatar' };

/**
 * The consent rule: clone only when a consent stands (recorded, not withdrawn)
 * AND an accepted voice sample is chosen (`sampleId`: a preview's sample instead
 * of the chosen one); otherwise a generic voice.
 */
export async function planDubVoice(eventStore: EventStore, avatarId: string, sampleId?: string): Promise<DubVoicePlan> {
  // Read when speaking, so a withdrawal counts at once.
  const { state } = await aggregateOf(eventStore, avatarStream(avatarId), avatarDecider);
  if (state.status !== 'idle' && state.status !== 'training') return { kind: 'generic', reason: 'no-avatar' };
  const { consent, activeSampleId, samples } = state.voice;
  if (consent === null) return { kind: 'generic', reason: 'no-consent' };
  const chosen = sampleId ?? activeSampleId;
  if (chosen === null || samples.get(chosen)?.status !== 'accepted') return { kind: 'generic', reason: 'no-sample' };
  return { kind: 'clone', sampleBlobKey: voiceSampleBlobKey(avatarId, chosen), consent };
}
