import { cleanText } from '../clean-text.ts';
import { detectLanguage, type TextLanguage } from '../detect-language.ts';
import { ExtractionFailure } from '../extraction-failure.ts';
import type { ChatExport, ChatMessage } from './chat-export.ts';

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
  function* lines(): Generator<string> {
    for (const message of chatExport.messages) {
      const line = lineOf(message);
      if (line !== '') yield line;
    }
  }
  // One pass (a spilled chat is read again at each): each stretch starts at its share of the messages.
  const starts = Array.from({ length: SAMPLES }, (_, part) =>
    Math.floor((part * chatExport.messages.length) / SAMPLES),
  );
  const sample: string[] = [];
  let any = false;
  let index = 0;
  let stretch = { part: -1, chars: SAMPLE_CHARS };
  for (const message of chatExport.messages) {
    const line = lineOf(message);
    // A stretch ends where the next begins (a short chat's stretches are then shorter, not repeated).
    while (stretch.part + 1 < SAMPLES && (starts[stretch.part + 1] ?? 0) <= index)
      stretch = { part: stretch.part + 1, chars: 0 };
    index++;
    if (line === '') continue;
    any = true;
    if (stretch.chars < SAMPLE_CHARS) {
      sample.push(line);
      stretch.chars += line.length;
    }
  }
  if (!any) throw new ExtractionFailure('EMPTY', 'The file contains no text');
  return { lines, language: detectLanguage(sample.join('\n')) };
}

function lineOf(message: ChatMessage): string {
  if (message.kind === 'service' || message.text.trim() === '') return '';
  return cleanText(`${message.author}: ${message.text}`);
}
