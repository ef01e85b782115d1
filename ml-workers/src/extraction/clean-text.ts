// Controls other than tab and newline, the byte-order mark, U+FFFD left by broken
// decoders, and the bidi overrides used to disguise text (Trojan Source): none of
// them carries words, and the domain rejects them in previews.
const INVISIBLE_JUNK = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff\ufffd]/gu;

/**
 * Normalises extracted text: one line-ending style, no junk characters, NFC,
 * no trailing spaces, at most one blank line in a row.
 */
export function cleanText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029]/g, '\n')
    .replace(INVISIBLE_JUNK, '')
    .normalize('NFC')
    .replace(/[ \t\u00a0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
