import { DomainError, type MaterialKind, utf16ByteOrderOf } from '@bishop/domain';
import { fileTypeFromBuffer } from 'file-type';
import { acceptedExtensions, acceptedList, compatibleSniffs, isTextSignature } from './material-kinds.ts';
import { extensionOf } from './safe-file-name.ts';

/** How many leading bytes classification looks at. */
export const SNIFF_BYTES = 8192;

export interface UploadClass {
  readonly kind: MaterialKind;
  readonly mediaType: string;
}

/**
 * Decides what an upload is from its name AND its first bytes: the extension
 * says what the user claims, the bytes must agree. Never trust the extension.
 */
export async function classifyUpload(fileName: string, head: Uint8Array): Promise<UploadClass> {
  if (head.length === 0) throw new DomainError('BISHOP_ERR_FILE_EMPTY', `"${fileName}" is empty`, { fileName });
  const extension = extensionOf(fileName);
  const accepted = acceptedExtensions[extension];
  if (!accepted) {
    throw new DomainError(
      'BISHOP_ERR_FILE_UNSUPPORTED',
      `"${fileName}": files of type ${extension || 'without an extension'} are not supported; upload ${acceptedList}`,
      { fileName },
    );
  }
  const sniffed = await fileTypeFromBuffer(head);
  const compatible = compatibleSniffs[extension];
  if (compatible) {
    if (!sniffed || !compatible.includes(sniffed.ext)) throw disguised(fileName, extension, describe(sniffed, head));
    return accepted;
  }
  // Text formats mostly have no magic number: they must not be binary, and a signature
  // found in them must be a text format's (a .vtt starts with "WEBVTT", an XHTML page with "<?xml").
  if ((sniffed && !isTextSignature(sniffed)) || looksBinary(head)) {
    throw disguised(fileName, extension, describe(sniffed, head));
  }
  const mail = mailShape[extension];
  if (mail && !mail.test(new TextDecoder('latin1').decode(head))) {
    throw disguised(fileName, extension, extension === '.url' ? 'not a web address' : 'plain text, not mail');
  }
  if (extension === '.txt' && looksLikeWhatsAppExport(fileName, head)) {
    return { kind: 'chatExport', mediaType: 'text/plain' };
  }
  return accepted;
}

function disguised(fileName: string, extension: string, actual: string): DomainError {
  return new DomainError(
    'BISHOP_ERR_FILE_DISGUISED',
    `"${fileName}" is called ${extension} but its content is ${actual}`,
    { fileName },
  );
}

function describe(sniffed: { ext: string; mime: string } | undefined, head: Uint8Array): string {
  if (!sniffed) return looksBinary(head) ? 'binary data of an unknown kind' : 'plain text';
  const names: Record<string, string> = {
    exe: 'a Windows program',
    elf: 'a Linux program',
    zip: 'a ZIP archive',
    pdf: 'a PDF document',
    png: 'a PNG image',
    jpg: 'a JPEG image',
    gif: 'a GIF image',
    mp3: 'MP3 audio',
    mp4: 'MP4 video',
  };
  return names[sniffed.ext] ?? `${sniffed.ext.toUpperCase()} data (${sniffed.mime})`;
}

/** NUL bytes (outside UTF-16, with or without a byte-order mark) or many control characters mean binary. */
export function looksBinary(head: Uint8Array): boolean {
  const utf16Bom = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (utf16Bom || utf16ByteOrderOf(head) !== null) return false;
  let controls = 0;
  for (const byte of head) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) controls++;
  }
  return controls > head.length * 0.1;
}

/** An mbox starts with its first letter's "From " line; an .eml with header lines, one of them From:. */
const mailShape: Readonly<Record<string, RegExp>> = {
  '.mbox': /^From \S/,
  '.eml': /^(?:[!-9;-~]+:[^\n]*\n(?:[ \t][^\n]*\n)*)*?from:/i,
  '.url': /^(?:\s*https?:\/\/\S+\s*$|\[InternetShortcut\][\s\S]*^URL=https?:\/\/)/im,
};

// `12/31/23, 9:41 PM - Name: …`, `[31.12.23, 21:41:05] Name: …`, `2023-12-31 21:41 - …`
const WHATSAPP_LINE =
  /^\u200e?\[?\d{1,4}[./-]\d{1,2}[./-]\d{1,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:[\s\u202f]?[APap]\.?[Mm]\.?)?\]?\s*(?:-\s+)?[^:\n]{1,80}:/m;

function looksLikeWhatsAppExport(fileName: string, head: Uint8Array): boolean {
  if (/whatsapp|^_chat\.txt$/i.test(fileName)) return true;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head);
  return WHATSAPP_LINE.test(text.replace(/^\ufeff/, ''));
}
