import type { TtsLanguage } from '../tts/index.ts';

/** The language a reply is spoken in: the script most of its letters use (Bishop speaks Russian and English). */
export function replyLanguage(text: string): TtsLanguage {
  const cyrillic = text.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return cyrillic >= latin && cyrillic > 0 ? 'ru' : 'en';
}
