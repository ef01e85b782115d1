import { decodeText } from '../decode-text.ts';
import { ExtractionFailure } from '../extraction-failure.ts';
import type { ZipLimits } from '../safe-zip.ts';
import { sniffContent } from '../sniff-content.ts';
import { type ParsedChatExport, readExportArchive } from './export-archive.ts';
import { parseTelegramExport } from './telegram-json.ts';
import { type Transcribe, transcribeVoiceMessages } from './transcribe-voice-messages.ts';
import { parseWhatsAppExport } from './whatsapp-txt.ts';

export type ChatExportInput = {
  bytes: Uint8Array;
  fileName: string;
  /** Which chat of a whole-account Telegram export: its name or id. */
  chat?: string;
  /** Without it, voice messages stay placeholders and their audio is returned for later. */
  transcribe?: Transcribe;
  zipLimits?: ZipLimits;
};

/**
 * Reads a messenger export, recognised by its content: a ZIP (Telegram folder or
 * WhatsApp with media), Telegram's result.json, or WhatsApp's .txt.
 */
export async function extractChatExport(input: ChatExportInput): Promise<ParsedChatExport> {
  const parsed = await parseExport(input);
  if (!input.transcribe || parsed.voiceMessages.length === 0) return parsed;
  const chatExport = await transcribeVoiceMessages(parsed.chatExport, parsed.voiceMessages, input.transcribe);
  return { ...parsed, chatExport };
}

async function parseExport({ bytes, fileName, chat, zipLimits }: ChatExportInput): Promise<ParsedChatExport> {
  const extension = /\.[a-z0-9]{1,10}$/i.exec(fileName)?.[0]?.toLowerCase() ?? 'with no extension';
  const content = await sniffContent(bytes);
  if (content.kind === 'zip') return readExportArchive(bytes, { chat, zipLimits });
  if (content.kind !== 'text') {
    throw new ExtractionFailure(
      'UNSUPPORTED_FORMAT',
      `This file (${extension}) is ${content.label}, not a chat export: upload Telegram's result.json or its zipped export folder, or a WhatsApp .txt export`,
    );
  }
  const { text } = decodeText(bytes, { claimedAs: extension });
  if (text.trim() === '') throw new ExtractionFailure('EMPTY', 'The file contains no text');
  const chatExport = text.trimStart().startsWith('{') ? parseTelegramExport(text, { chat }) : parseWhatsAppExport(text);
  return { chatExport, voiceMessages: [] };
}
