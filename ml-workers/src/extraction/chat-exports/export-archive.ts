import { decodeText } from '../decode-text.ts';
import type { KeepAttachment } from '../email/attachment-offers.ts';
import { readLetterFiles } from '../email/read-mail.ts';
import { ExtractionFailure } from '../extraction-failure.ts';
import { defaultZipLimits, readZipSafely, streamZipEntry, type ZipLimits, type ZipSource } from '../safe-zip.ts';
import {
  isDiscordArchive,
  isMessengerExport,
  isSlackExport,
  isVkArchive,
  readDiscordArchive,
  readMessengerArchive,
  readSlackArchive,
  readVkArchive,
} from './account-archives.ts';
import type { ChatExport, ParsedChatExport, ReadEntries } from './chat-export.ts';
import { readTelegramExport } from './telegram-json.ts';
import { type ArchivedVoice, archivedVoiceMessages } from './voice-messages.ts';
import { parseWhatsAppExport } from './whatsapp-txt.ts';

export type { ParsedChatExport, VoiceMessageAudio, VoiceMessages } from './chat-export.ts';

export const AUDIO_FILE = /\.(?:ogg|oga|opus|m4a|aac|mp3|wav|mp4a|amr)$/i;

/** One entry's bytes as they unpack (an mbox in a Takeout is gigabytes: never held whole). */
export type StreamEntry = (path: string) => AsyncIterable<Buffer>;

export type ArchiveReader = (
  paths: readonly string[],
  read: ReadEntries,
  options: { chat?: string; stream: StreamEntry; keepAttachment?: KeepAttachment; spillDir?: string },
) => Promise<ParsedChatExport>;

/**
 * A zipped export, told by its layout: Telegram's folder (result.json,
 * voice_messages/…), WhatsApp's "Export chat → Attach media" (one .txt),
 * letters (.eml / .mbox), VK/Slack/Facebook/Instagram/Discord exports. Only what the reader picks is unpacked; photos and
 * videos stay packed.
 */
export async function readExportArchive(
  source: ZipSource,
  options: { chat?: string; zipLimits?: ZipLimits; keepAttachment?: KeepAttachment; spillDir?: string } = {},
): Promise<ParsedChatExport> {
  const limits = options.zipLimits ?? defaultZipLimits;
  const { entries } = await readZipSafely(source, () => false, limits);
  const read: ReadEntries = async (pick) => (await readZipSafely(source, ({ path }) => pick(path), limits)).files;
  const stream: StreamEntry = (path) => streamZipEntry(source, path, limits);
  const paths = entries.map((entry) => entry.path).filter((path) => !path.endsWith('/'));
  const reader = archiveReaders.find((candidate) => candidate.recognises(paths));
  if (!reader) {
    throw new ExtractionFailure(
      'UNSUPPORTED_FORMAT',
      'The archive holds no chat export Bishop reads (Telegram result.json, a WhatsApp .txt, letters .eml/.mbox, VK, Slack, Facebook, Instagram or DiscordChatExporter exports)',
    );
  }
  return reader.read(paths, read, {
    ...(options.chat !== undefined && { chat: options.chat }),
    ...(options.keepAttachment && { keepAttachment: options.keepAttachment }),
    ...(options.spillDir !== undefined && { spillDir: options.spillDir }),
    stream,
  });
}

/** Each export's layout in an archive; the first that recognises the paths reads them. */
export const archiveReaders: { recognises: (paths: readonly string[]) => boolean; read: ArchiveReader }[] = [
  { recognises: (paths) => paths.some(isTelegramIndex), read: readTelegramOrWhatsApp },
  { recognises: isSlackExport, read: readSlackArchive },
  { recognises: isMessengerExport, read: readMessengerArchive },
  { recognises: isVkArchive, read: readVkArchive },
  { recognises: (paths) => paths.some(isLetterFile), read: readLetters },
  { recognises: (paths) => paths.some(isWhatsAppText), read: readTelegramOrWhatsApp },
  { recognises: isDiscordArchive, read: readDiscordArchive },
];

const isTelegramIndex = (path: string) => depth(path) <= 1 && baseName(path) === 'result.json';
const isWhatsAppText = (path: string) => depth(path) <= 1 && path.endsWith('.txt');
const isLetterFile = (path: string) => /\.(?:eml|mbox)$/i.test(path);

async function readTelegramOrWhatsApp(
  paths: readonly string[],
  read: ReadEntries,
  options: { chat?: string; stream: StreamEntry; spillDir?: string },
): Promise<ParsedChatExport> {
  const chatFiles = paths.filter((p) => isTelegramIndex(p) || isWhatsAppText(p)).sort((a, b) => depth(a) - depth(b));
  const telegram = chatFiles.find(isTelegramIndex);
  const index = telegram ?? chatFiles.find((path) => baseName(path) === '_chat.txt') ?? chatFiles[0] ?? '';
  // Telegram's result.json streams out of the archive (twice: see readTelegramExport), never unpacked whole.
  const chatExport = telegram
    ? await readTelegramExport(() => options.stream(telegram), {
        ...(options.chat !== undefined && { chat: options.chat }),
        ...(options.spillDir !== undefined && { spillDir: options.spillDir }),
      })
    : parseWhatsAppExport(
        decodeText((await read((path) => path === index)).get(index) ?? Buffer.alloc(0), { claimedAs: baseName(index) })
          .text,
      );
  // Only the audio the chat's voice messages point at is unpacked, a batch at a time as it is transcribed.
  return { chatExport, voiceMessages: archivedVoiceMessages(archivedVoices(chatExport, paths, folderOf(index)), read) };
}

/** Letters unpacked a batch at a time, each mbox streamed (Takeout's "All mail" is one huge entry). */
async function readLetters(
  paths: readonly string[],
  read: ReadEntries,
  { stream, keepAttachment }: { stream: StreamEntry; keepAttachment?: KeepAttachment },
): Promise<ParsedChatExport> {
  const letters = paths.filter(isLetterFile);
  const mboxes = letters.filter((path) => /\.mbox$/i.test(path));
  const emlBatches = chunked(
    letters.filter((path) => !mboxes.includes(path)),
    LETTERS_PER_BATCH,
  );
  return readLetterFiles(
    [
      ...mboxes.map((path) => stream(path)),
      ...emlBatches.map((batch) => async () => {
        const files = await read((path) => batch.includes(path));
        return batch.flatMap((path) => files.get(path) ?? []);
      }),
    ],
    keepAttachment ? { keepAttachment } : {},
  );
}

// Each pass over an archive walks its whole directory: letters come out in batches, not one pass per letter.
const LETTERS_PER_BATCH = 500;

function chunked<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let at = 0; at < items.length; at += size) batches.push(items.slice(at, at + size));
  return batches;
}

/** The voice messages whose audio the archive holds, by the path the export gives relative to `folder`. */
function archivedVoices(chatExport: ChatExport, paths: readonly string[], folder: string): ArchivedVoice[] {
  const inArchive = new Set(paths.filter((path) => AUDIO_FILE.test(path)));
  const found: ArchivedVoice[] = [];
  for (const message of chatExport.messages) {
    const fileName = message.kind === 'voice' ? message.media?.fileName : null;
    if (fileName && inArchive.has(folder + fileName))
      found.push({ messageId: message.id, fileName, path: folder + fileName });
  }
  return found;
}

export function depth(path: string): number {
  return path.split('/').length - 1;
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function folderOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}
