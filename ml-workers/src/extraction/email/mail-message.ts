import PostalMime, { type Address } from 'postal-mime';
import { fromIsoDateTime } from '../chat-exports/chat-time.ts';
import { htmlToPlainText } from '../html-to-plain-text.ts';
import { attachmentOfferLimits, isOfferedAttachment } from './attachment-offers.ts';
import { ownWords } from './own-words.ts';

/**
 * An attachment as the letter lists it. The bytes are kept for recordings (transcribed like voice messages)
 * and, only while the letter is read, for documents and recordings the user may add as materials (`offered`).
 */
export type MailAttachment = {
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  audio?: Uint8Array;
  offered?: Uint8Array;
};

/** What a letter contributes: who wrote it when, in reply to what, and its own words. */
export type MailMessage = {
  messageId: string | null;
  /** The letter it answers: In-Reply-To, else the last of References. */
  inReplyTo: string | null;
  fromAddress: string;
  fromName: string;
  /** ISO 8601 in UTC; null when the Date header is missing or unreadable. */
  at: string | null;
  subject: string;
  /** Quoted replies, signatures and forwarded blocks removed. */
  text: string;
  /** True when the letter only forwards someone else's (nothing of its own above the forwarded block). */
  forwarded: boolean;
  attachments: MailAttachment[];
};

const AUDIO = /^audio\/|\.(?:ogg|oga|opus|m4a|aac|mp3|wav|amr)$/i;

/**
 * Parses one RFC 822 message with postal-mime, which decodes MIME parts,
 * transfer encodings (quoted-printable, base64) and charsets (KOI8-R, CP1251,
 * ISO-2022-JP, …) through the platform's TextDecoder.
 */
export async function parseMailMessage(raw: Uint8Array, options: { keepAudioUpTo: number }): Promise<MailMessage> {
  const email = await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer', maxNestingDepth: 50 });
  const from = firstMailbox(email.from) ?? firstMailbox(email.sender);
  const body = email.text?.trim() ? email.text : email.html ? htmlToPlainText(email.html) : '';
  const own = ownWords(body);
  return {
    messageId: normalId(email.messageId),
    inReplyTo: normalId(email.inReplyTo) ?? normalId(email.references?.trim().split(/\s+/).at(-1)),
    fromAddress: from?.address?.toLowerCase() ?? '',
    fromName: from?.name ?? '',
    at: email.date ? fromIsoDateTime(email.date).at : null,
    subject: email.subject ?? '',
    text: own.text,
    forwarded: own.forwarded,
    attachments: email.attachments
      .filter((attachment) => attachment.disposition !== 'inline' || attachment.filename)
      .map((attachment) => {
        const content = attachment.content as ArrayBuffer;
        const fileName = attachment.filename ?? 'attachment';
        const keep = AUDIO.test(attachment.mimeType) || AUDIO.test(fileName);
        const bytes = new Uint8Array(content);
        return {
          fileName,
          mediaType: attachment.mimeType,
          sizeBytes: bytes.byteLength,
          ...(keep && bytes.byteLength <= options.keepAudioUpTo && { audio: bytes }),
          ...(isOfferedAttachment(fileName) &&
            bytes.byteLength > 0 &&
            bytes.byteLength <= attachmentOfferLimits.maxBytes && { offered: bytes }),
        };
      }),
  };
}

function firstMailbox(address: Address | Address[] | undefined): { name: string; address: string } | null {
  const first = Array.isArray(address) ? address[0] : address;
  if (!first) return null;
  if (first.group) return first.group[0] ?? null;
  return { name: first.name, address: first.address ?? '' };
}

function normalId(id: string | undefined): string | null {
  const trimmed = id?.trim().replace(/^<|>$/g, '');
  return trimmed ? trimmed.toLowerCase() : null;
}
