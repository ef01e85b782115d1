import { type ExtractedText, toExtractedText } from '../extracted-text.ts';
import type { ChatExport } from './chat-export.ts';

/**
 * The chat as readable text ("Name: message" per line) for the material's text
 * blob and preview; training reads the structured export instead.
 */
export function chatExportText(chatExport: ChatExport): ExtractedText {
  const lines = [...chatExport.messages]
    .filter((message) => message.kind !== 'service' && message.text.trim() !== '')
    .map((message) => ({ text: `${message.author}: ${message.text}` }));
  return toExtractedText('chatExport', lines, { separator: '\n' });
}
