import type { ParsedChatExport } from '../chat-exports/chat-export.ts';
import { ExtractionFailure } from '../extraction-failure.ts';
import { type AttachmentOffer, attachmentOfferLimits, type KeepAttachment } from './attachment-offers.ts';
import { mailArchive } from './mail-archive.ts';
import { type MailMessage, parseMailMessage } from './mail-message.ts';
import { defaultMboxLimits, type MboxLimits, mboxMessages, type RawMessage } from './mbox-messages.ts';

const KEEP_AUDIO_UP_TO = 25 * 1024 ** 2;

/** An mbox read as it streams: one letter in memory at a time, only its words kept. */
export async function readMbox(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  limits: MboxLimits = defaultMboxLimits,
  options: LetterOptions = {},
): Promise<ParsedChatExport> {
  return readLetters(mboxMessages(source, limits), options);
}

export type LetterOptions = {
  /** Receives each document or recording attached to a letter, to offer the user as a material of its own. */
  keepAttachment?: KeepAttachment;
};

/** A letter or mbox in memory, or an mbox streamed (an archive's, never held whole). */
export type LetterFile = Uint8Array | AsyncIterable<Uint8Array>;

/**
 * Single letters (.eml files, alone or zipped) and mboxes found in an archive;
 * a function is a batch of files opened only when its turn comes.
 */
export async function readLetterFiles(
  files: readonly (LetterFile | (() => Promise<readonly LetterFile[]>))[],
  options: LetterOptions = {},
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
  return readLetters(raw(), options);
}

async function readLetters(raw: AsyncIterable<RawMessage>, options: LetterOptions): Promise<ParsedChatExport> {
  const letters: MailMessage[] = [];
  let unreadable = 0;
  let truncated = 0;
  const offers = attachmentOffers(options.keepAttachment);
  for await (const message of raw) {
    if (message.truncated) truncated++;
    let letter: MailMessage;
    try {
      letter = await parseMailMessage(message.bytes, { keepAudioUpTo: KEEP_AUDIO_UP_TO });
    } catch {
      // One damaged letter must not cost the rest of the mailbox; the user is told how many.
      unreadable++;
      continue;
    }
    letters.push(await offers.take(letter));
  }
  if (letters.length === 0 && unreadable > 0) {
    throw new ExtractionFailure('DOCUMENT_DAMAGED', 'None of the letters in the file could be read');
  }
  const notes = [
    unreadable > 0 ? `${unreadable} letter(s) could not be read and were left out.` : null,
    truncated > 0
      ? `${truncated} letter(s) were longer than ${defaultMboxLimits.maxMessageBytes / 1024 ** 2} MiB; only their beginning (the text) was read.`
      : null,
    offers.note(),
  ].filter((note) => note !== null);
  return mailArchive(letters, notes);
}

/** Hands each letter's documents and recordings to `keep` as they are read, so their bytes never pile up. */
function attachmentOffers(keep: KeepAttachment | undefined) {
  let offered = 0;
  let over = 0;
  return {
    async take(letter: MailMessage): Promise<MailMessage> {
      for (const attachment of letter.attachments) {
        if (!attachment.offered || !keep) continue;
        if (offered >= attachmentOfferLimits.maxCount) {
          over++;
          continue;
        }
        const offer: AttachmentOffer = {
          id: ++offered,
          fileName: attachment.fileName,
          mediaType: attachment.mediaType,
          sizeBytes: attachment.sizeBytes,
          from: letter.fromName ? `${letter.fromName} <${letter.fromAddress}>` : letter.fromAddress,
          at: letter.at,
          subject: letter.subject,
        };
        await keep(offer, attachment.offered);
      }
      return { ...letter, attachments: letter.attachments.map(({ offered: _, ...kept }) => kept) };
    },
    note: () =>
      over > 0
        ? `${over} more document or recording attachment(s) were not offered: at most ${attachmentOfferLimits.maxCount} are listed per mailbox.`
        : null,
  };
}
