import type { TtsLanguage } from './tts-port.ts';

/**
 * Text as Chatterbox Multilingual was trained on it (upstream MTLTokenizer):
 * lower case, NFKD, then the language tag (`[ru]…`). Russian stress marks
 * (U+0301) survive NFKD; the dub pipeline places them before this step.
 */
export function chatterboxText(text: string, language: TtsLanguage): string {
  return `[${language}]${text.toLowerCase().normalize('NFKD')}`;
}
