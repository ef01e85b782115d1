import { utf16ByteOrderOf } from '@bishop/domain';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { closerCyrillicCodePage, looksCyrillic } from './cyrillic-code-page.ts';
import { ExtractionFailure } from './extraction-failure.ts';

export type DecodedText = { text: string; encoding: string };

const SAMPLE_BYTES = 64 * 1024;
// Below this many non-ASCII bytes chardet's statistics are noise (see cyrillic-code-page.ts).
const CHARDET_MIN_HIGH_BYTES = 256;
// Real text has almost no control bytes; binary data is full of them.
const MAX_CONTROL_SHARE = 0.01;

/**
 * Reads text in whatever encoding it came in: a byte-order mark, then UTF-16
 * without one, then strict UTF-8, then the charset the file declares (HTML),
 * then detection among 8-bit code pages. Binary data is refused, not decoded.
 */
export function decodeText(bytes: Uint8Array, options: { claimedAs: string; declaredCharset?: string }): DecodedText {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = encodingFromByteOrderMark(buffer);
  const encoding =
    bom ??
    utf16ByteOrderOf(withoutTrailingZeros(buffer.subarray(0, SAMPLE_BYTES))) ??
    (isUtf8(buffer) ? 'utf-8' : null);
  const chosen = encoding ?? supported(options.declaredCharset) ?? detectEightBitEncoding(buffer);
  const text = iconv.decode(buffer, chosen); // iconv-lite strips the BOM of the encoding it decodes
  if (looksBinary(text)) {
    throw new ExtractionFailure(
      'NOT_TEXT',
      `This file is called ${options.claimedAs} but it is not text (binary data found)`,
    );
  }
  return { text, encoding: chosen };
}

function encodingFromByteOrderMark(bytes: Buffer): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function detectEightBitEncoding(bytes: Buffer): string {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const guess = chardet.analyse(sample).find((match) => isEightBit(match.name))?.name;
  const highBytes = sample.filter((byte) => byte >= 0x80).length;
  const trustChardet = highBytes >= CHARDET_MIN_HIGH_BYTES;
  if (guess === 'windows-1251' || guess === 'KOI8-R' || (!trustChardet && looksCyrillic(sample))) {
    return closerCyrillicCodePage(sample);
  }
  return (trustChardet && supported(guess)) || 'windows-1252';
}

// Multi-byte candidates were ruled out above (BOM, UTF-16, UTF-8); chardet still
// names UTF-32 or CJK encodings for short samples, which would decode as garbage.
function isEightBit(name: string): boolean {
  return /^(windows-125\d|ISO-8859-\d+|KOI8-R)$/i.test(name);
}

function supported(charset: string | undefined): string | null {
  return charset && iconv.encodingExists(charset) ? charset.toLowerCase() : null;
}

function withoutTrailingZeros(bytes: Buffer): Buffer {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  return bytes.subarray(0, end);
}

function looksBinary(text: string): boolean {
  const sample = text.slice(0, SAMPLE_BYTES).replace(/\u0000+$/, '');
  const controls = sample.match(/[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/g)?.length ?? 0;
  return controls > sample.length * MAX_CONTROL_SHARE;
}
