import type { IconName } from '$lib/components/ui/Icon.svelte';
import type { TimelineKind } from '$lib/graphql/generated/graphql.ts';
import type { MessageKey } from '$lib/i18n/messages.en.ts';

export const timelineKinds = [
  'PROFILE',
  'MATERIAL',
  'VOICE',
  'TRAINING',
  'CHAT',
  'MESSAGE',
] as const satisfies readonly TimelineKind[];

export const kindLabel: Record<TimelineKind, MessageKey> = {
  PROFILE: 'history.kind.profile',
  MATERIAL: 'history.kind.material',
  VOICE: 'history.kind.voice',
  TRAINING: 'history.kind.training',
  CHAT: 'history.kind.chat',
  MESSAGE: 'history.kind.message',
};

export const kindIcon: Record<TimelineKind, IconName> = {
  PROFILE: 'profile',
  MATERIAL: 'document',
  VOICE: 'audio',
  TRAINING: 'training',
  CHAT: 'chat',
  MESSAGE: 'message',
};
