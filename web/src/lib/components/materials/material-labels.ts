import type { IconName } from '$lib/components/ui/Icon.svelte';
import type { MaterialKind, MaterialState } from '$lib/graphql/generated/graphql.ts';
import type { MessageKey } from '$lib/i18n/messages.en.ts';

export const stateLabel: Record<MaterialState, MessageKey> = {
  UPLOADED: 'material.state.uploaded',
  EXTRACTING: 'material.state.extracting',
  READY: 'material.state.ready',
  FAILED: 'material.state.failed',
};

export const stateTone: Record<MaterialState, 'neutral' | 'info' | 'success' | 'danger'> = {
  UPLOADED: 'neutral',
  EXTRACTING: 'info',
  READY: 'success',
  FAILED: 'danger',
};

export const kindLabel: Record<MaterialKind, MessageKey> = {
  TEXT: 'material.kind.text',
  AUDIO: 'material.kind.audio',
  VIDEO: 'material.kind.video',
  CHAT_EXPORT: 'material.kind.chatExport',
};

export const kindIcon: Record<MaterialKind, IconName> = {
  TEXT: 'document',
  AUDIO: 'audio',
  VIDEO: 'video',
  CHAT_EXPORT: 'chat',
};
