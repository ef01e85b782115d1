import { cleanText } from '../clean-text.ts';
import { detectLanguage, type TextLanguage } from '../detect-language.ts';
import { ExtractionFailure } from '../extraction-failure.ts';
import type { ChatExport } from './chat-export.ts';

/** Text made again at each call, one line at a time: a chat of millions of messages is never one string. */
export type TextLines = { readonly lines: () => Iterable<string> };

// Its language is judged on this many stretches of the chat, spread evenly, each about this long.
const SAMPLES = 8;
const SAMPLE_CHARS = 750;

/**
 * The chat as readable text, one "Name: message" line per message with words (the same lines as
 * chatExportText, which joins them), and its main language. No line at all fails: there is nothing to learn.
 */
export function chatExportLines(chatExport: ChatExport): TextLines & { language: TextLanguage | null } {
  const lineAt = (index: number): string => {
    const message = chatExport.messages[index];
    if (!message || message.kind === 'service' || message.text.trim() === '') return '';
    return cleanText(`${message.author}: ${message.text}`);
  };
  function* lines(from = 0): Generator<string> {
    for (let index = from; index < chatExport.messages.length; index++) {
      const line = lineAt(index);
      if (line !== '') yield line;
    }
  }
  if (lines().next().done) throw new ExtractionFailure('EMPTY', 'The file contains no text');
  const sample: string[] = [];
  for (let part = 0; part < SAMPLES; part++) {
    let chars = 0;
    for (const line of lines(Math.floor((part * chatExport.messages.length) / SAMPLES))) {
      sample.push(line);
      chars += line.length;
      if (chars >= SAMPLE_CHARS) break;
    }
  }
  return { lines: () => lines(), language: detectLanguage(sample.join('\n')) };
}
