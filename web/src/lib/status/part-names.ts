import { t } from '../i18n/i18n.svelte.ts';
import type { MessageKey } from '../i18n/messages.en.ts';

const names: Record<string, MessageKey> = {
  eventStore: 'part.eventStore',
  database: 'part.database',
  readModels: 'part.readModels',
  blobStore: 'part.blobStore',
  bus: 'part.bus',
  'model:asr': 'part.asr',
  'model:vad': 'part.vad',
  'model:speaker': 'part.speaker',
  'model:embedder': 'part.embedder',
  'model:llm': 'part.llm',
  'model:tts-ru': 'part.ttsRu',
  'model:tts-en': 'part.ttsEn',
  'model:tts-clone': 'part.ttsClone',
  'voice:ru': 'part.voiceRu',
  'voice:en': 'part.voiceEn',
};

/** A part of Bishop as a person would call it ("speech recognition", not `model:asr`). */
export function partName(name: string): string {
  const key = names[name];
  return key ? t(key) : t('part.other');
}
