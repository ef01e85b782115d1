/** A document or recording found attached to a letter, listed for the user to add as a material of its own. */
export type AttachmentOffer = {
  /** Its place in the mailbox's list (1, 2, …): how the user names it when choosing. */
  id: number;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  /** The letter it came with: its sender ("Name <address>"), time and subject. */
  from: string;
  at: string | null;
  subject: string;
};

/** Keeps one offered attachment's bytes (the worker stores them); the letter's parse drops them right after. */
export type KeepAttachment = (offer: AttachmentOffer, bytes: Uint8Array) => Promise<void>;

/** What Bishop reads as a material (the gateway still sniffs and classifies each one when it is added). */
const DOCUMENT_OR_RECORDING =
  /\.(?:txt|md|markdown|html?|srt|vtt|pdf|docx|wav|mp3|ogg|oga|opus|m4a|flac|mp4|mkv|webm|mov)$/i;

/** Larger attachments are named in a note, not offered (the upload limit would refuse them anyway). */
export const attachmentOfferLimits = { maxBytes: 512 * 1024 ** 2, maxCount: 500 };

export function isOfferedAttachment(fileName: string): boolean {
  return DOCUMENT_OR_RECORDING.test(fileName);
}
