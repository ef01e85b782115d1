import type { ParsedChatExport } from '../chat-exports/chat-export.ts';
import { ExtractionFailure } from '../extraction-failure.ts';
import { mailArchive } from './mail-archive.ts';
import { type MailMessage, parseMailMessage } from './mail-message.ts';
import { defaultMboxLimits, type MboxLimits, mboxMessages, type RawMessage } from './mbox-messages.ts';

const KEEP_AUDIO_UP_TO = 25 * 1024 ** 2;

/** An mbox read as it streams: one letter in memory at a time, only its words kept. */
export async function readMbox(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  limits: MboxLimits = defaultMboxLimits,
): Promise<ParsedChatExport> {
  return readLetters(mboxMessages(source, limits));
}

/** A letter or mbox in memory, or an mbox streamed (an archive's, never held whole). */
export type LetterFile = Uint8Array | AsyncIterable<Uint8Array>;

/**
 * Single letters (.eml files, alone or zipped) and mboxes found in an archive;
 * a function is a batch of files opened only when its turn comes.
 */
export async function readLetterFiles(
  files: readonly (LetterFile | (() => Promise<readonly LetterFile[]>))[],
): Promise<ParsedChatExport> {
  async function* raw(): AsyncGenerator<RawMessage> {
    for (const entry of files) {
      for (const file of typeof entry === 'function' ? await entry() : [entry]) {
        if (!(file instanceof Uint8Array)) yield* mboxMessages(file);
        else if (Buffer.from(file.subarray(0, 5)).toString('latin1') === 'From ') yield* mboxMessages([file]);
        else yield { bytes: Buffer.from(file), truncated: false };
      }
    }
  }
  return readLetters(raw());
}

async function readLetters(raw: AsyncIterable<RawMessage>): Promise<ParsedChatExport> {
  const letters: MailMessage[] = [];
  let unreadable = 0;
  let truncated = 0;
  for await (const message of raw) {
    if (message.truncated) truncated++;
    try {
      letters.push(await parseMailMessage(message.bytes, { keepAudioUpTo: KEEP_AUDIO_UP_TO }));
    } catch {
      // One damaged letter must not cost the rest of the mailbox; the user is told how many.
      unreadable++;
    }
  }
  if (letters.length === 0 && unreadable > 0) {
    throw new ExtractionFailure('DOCUMENT_DAMAGED', 'None of the letters in the file could be read');
  }
  const notes = [
    unreadable > 0 ? `${unreadable} letter(s) could not be read and were left out.` : null,
    truncated > 0
      ? `${truncated} letter(s) were longer than ${defaultMboxLimits.maxMessageBytes / 1024 ** 2} MiB; only their beginning (the text) was read.`
      : null,
  ].filter((note) => note !== null);
  return mailArchive(letters, notes);
}
