import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { decodeText } from '../decode-text.ts';
import type { KeepAttachment } from '../email/attachment-offers.ts';
import { looksLikeMail } from '../email/looks-like-mail.ts';
import { readLetterFiles, readMbox } from '../email/read-mail.ts';
import { ExtractionFailure } from '../extraction-failure.ts';
import type { ZipLimits } from '../safe-zip.ts';
import { sniffContent } from '../sniff-content.ts';
import { type ParsedChatExport, readExportArchive } from './export-archive.ts';
import { readJsonExport } from './json-export.ts';
import { type Transcribe, transcribeVoiceMessages } from './transcribe-voice-messages.ts';
import { noVoiceMessages } from './voice-messages.ts';
import { parseWhatsAppExport } from './whatsapp-txt.ts';

export type ChatExportInput = {
  /** The export in memory, or in a file (a ZIP is then read in parts, never whole: Takeouts run to gigabytes). */
  bytes: Uint8Array | { readonly path: string };
  fileName: string;
  /** Which chat of a whole-account Telegram export: its name or id. */
  chat?: string;
  /** Without it, voice messages stay placeholders and their audio is returned for later. */
  transcribe?: Transcribe;
  zipLimits?: ZipLimits;
  /**
   * The worker's private temporary directory: a large export's chosen chat is spilled there and read back at
   * each pass instead of being kept (its owner removes it, on success, failure or abort).
   */
  spillDir?: string;
  /** Mail: receives each document or recording attached to a letter, offered to the user as a material. */
  keepAttachment?: KeepAttachment;
};

/**
 * Reads a messenger export, recognised by its content: a ZIP (Telegram folder or
 * WhatsApp with media), Telegram's result.json, or WhatsApp's .txt.
 */
export async function extractChatExport(input: ChatExportInput): Promise<ParsedChatExport> {
  return withTranscripts(await parseExport(input).catch(asReadableFailure), input.transcribe);
}

/**
 * A file that parses but holds a value of the wrong kind where the exporting app writes another
 * (a number for a list, null for a message) fails with a reason the user can read, not a TypeError.
 */
function asReadableFailure(error: unknown): never {
  if (error instanceof TypeError) {
    throw new ExtractionFailure(
      'DOCUMENT_DAMAGED',
      'The export is damaged: part of it is not laid out as the app that made it writes it',
      { cause: error },
    );
  }
  throw error;
}

/** An mbox, read as it streams (mailboxes run to gigabytes); its recordings transcribed like voice messages. */
export async function extractMailbox(input: {
  source: AsyncIterable<Uint8Array>;
  transcribe?: Transcribe;
  keepAttachment?: KeepAttachment;
}): Promise<ParsedChatExport> {
  const options = input.keepAttachment ? { keepAttachment: input.keepAttachment } : {};
  return withTranscripts(await readMbox(input.source, undefined, options), input.transcribe);
}

async function withTranscripts(found: ParsedChatExport, transcribe: Transcribe | undefined): Promise<ParsedChatExport> {
  const parsed = withMissingAudioNote(found);
  if (!transcribe || parsed.voiceMessages.messageIds.length === 0) return parsed;
  const chatExport = await transcribeVoiceMessages(parsed.chatExport, parsed.voiceMessages, transcribe);
  return { ...parsed, chatExport };
}

async function parseExport(input: ChatExportInput): Promise<ParsedChatExport> {
  const { bytes: source, fileName, zipLimits } = input;
  const mail = input.keepAttachment ? { keepAttachment: input.keepAttachment } : {};
  const chosen = {
    ...(input.chat !== undefined && { chat: input.chat }),
    ...(input.spillDir !== undefined && { spillDir: input.spillDir }),
  };
  const extension = /\.[a-z0-9]{1,10}$/i.exec(fileName)?.[0]?.toLowerCase() ?? 'with no extension';
  if (!(source instanceof Uint8Array)) {
    const head = await readHead(source.path);
    if (startsLikeZip(head)) return readExportArchive(source, { ...chosen, zipLimits, ...mail });
    // JSON exports (Telegram's run to gigabytes) are read as they stream from the file.
    if (startsLikeJson(head))
      return {
        chatExport: await readJsonExport(() => createReadStream(source.path), chosen),
        voiceMessages: noVoiceMessages,
      };
  }
  // Text exports (WhatsApp, letters) are parsed whole.
  const bytes = source instanceof Uint8Array ? source : await readFile(source.path);
  const content = await sniffContent(bytes);
  if (content.kind === 'zip') return readExportArchive(bytes, { ...chosen, zipLimits, ...mail });
  if (content.kind !== 'text') {
    throw new ExtractionFailure(
      'UNSUPPORTED_FORMAT',
      `This file (${extension}) is ${content.label}, not a chat export: upload Telegram's result.json or its zipped export folder, or a WhatsApp .txt export`,
    );
  }
  const { text } = decodeText(bytes, { claimedAs: extension });
  if (text.trim() === '') throw new ExtractionFailure('EMPTY', 'The file contains no text');
  if (looksLikeMail(text))
    return text.startsWith('From ') ? readMbox([bytes], undefined, mail) : readLetterFiles([bytes], mail);
  const chatExport = text.trimStart().startsWith('{')
    ? await readJsonExport(() => [bytes], chosen)
    : parseWhatsAppExport(text);
  return { chatExport, voiceMessages: noVoiceMessages };
}

const HEAD_BYTES = 4096;

async function readHead(path: string): Promise<Buffer> {
  const file = await open(path);
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(HEAD_BYTES), 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/** A ZIP's local file header (or an empty archive's end record) opens the file. */
function startsLikeZip(head: Buffer): boolean {
  const magic = head.subarray(0, 4).toString('latin1');
  return magic === 'PK\u0003\u0004' || magic === 'PK\u0005\u0006';
}

/** A JSON object in UTF-8 (Telegram, Discord and Facebook write it so), after an optional byte-order mark. */
function startsLikeJson(head: Buffer): boolean {
  return /^(?:\ufeff)?\s*\{/.test(head.toString('utf8'));
}

/** VK and Slack exports link voice messages instead of including them (Telegram's, without "media"): the user is told. */
function withMissingAudioNote(parsed: ParsedChatExport): ParsedChatExport {
  const heard = new Set(parsed.voiceMessages.messageIds);
  let missing = 0;
  for (const message of parsed.chatExport.messages) if (message.kind === 'voice' && !heard.has(message.id)) missing++;
  if (missing === 0) return parsed;
  const note = `${missing} voice message(s) came without their audio in the export, so their words could not be transcribed.`;
  return { ...parsed, chatExport: { ...parsed.chatExport, notes: [...parsed.chatExport.notes, note] } };
}
