import { decodeText } from '../decode-text.ts';
import { ExtractionFailure } from '../extraction-failure.ts';
import { defaultZipLimits, readZipSafely, type ZipLimits } from '../safe-zip.ts';
import type { ChatExport } from './chat-export.ts';
import { parseTelegramExport } from './telegram-json.ts';
import { parseWhatsAppExport } from './whatsapp-txt.ts';

/** A voice message's audio, found in the archive next to the chat it belongs to. */
export type VoiceMessageAudio = { messageId: number; fileName: string; bytes: Uint8Array };
export type ParsedChatExport = { chatExport: ChatExport; voiceMessages: VoiceMessageAudio[] };

const AUDIO = /\.(?:ogg|oga|opus|m4a|aac|mp3|wav)$/i;

/**
 * A zipped export: Telegram's folder (result.json, voice_messages/…) or
 * WhatsApp's "Export chat → Attach media" (one .txt, media beside it). Only the
 * chat file and audio are unpacked; photos and videos stay packed.
 */
export async function readExportArchive(
  bytes: Uint8Array,
  options: { chat?: string; zipLimits?: ZipLimits } = {},
): Promise<ParsedChatExport> {
  const isChatFile = (path: string) => depth(path) <= 1 && (baseName(path) === 'result.json' || path.endsWith('.txt'));
  const { files } = await readZipSafely(
    bytes,
    ({ path }) => isChatFile(path) || AUDIO.test(path),
    options.zipLimits ?? defaultZipLimits,
  );
  const chatFiles = [...files.keys()].filter(isChatFile).sort((a, b) => depth(a) - depth(b));
  const telegram = chatFiles.find((path) => baseName(path) === 'result.json');
  const whatsapp =
    chatFiles.find((path) => baseName(path) === '_chat.txt') ?? chatFiles.find((p) => p.endsWith('.txt'));
  const index = telegram ?? whatsapp;
  if (index === undefined) {
    throw new ExtractionFailure(
      'UNSUPPORTED_FORMAT',
      'The archive holds neither a Telegram export (result.json) nor a WhatsApp chat (.txt)',
    );
  }
  const text = decodeText(files.get(index) ?? Buffer.alloc(0), { claimedAs: baseName(index) }).text;
  const chatExport = telegram ? parseTelegramExport(text, options) : parseWhatsAppExport(text);
  return { chatExport, voiceMessages: voiceAudio(chatExport, files, folderOf(index)) };
}

function voiceAudio(chatExport: ChatExport, files: ReadonlyMap<string, Buffer>, folder: string): VoiceMessageAudio[] {
  return chatExport.messages.flatMap((message) => {
    const fileName = message.kind === 'voice' ? message.media?.fileName : null;
    const bytes = fileName ? files.get(folder + fileName) : undefined;
    return fileName && bytes ? [{ messageId: message.id, fileName, bytes }] : [];
  });
}

function depth(path: string): number {
  return path.split('/').length - 1;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function folderOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}
