const MAX_LENGTH = 255;
// Controls, bidi overrides (which can disguise "gpj.exe" as "exe.jpg"), and characters unsafe on some filesystems.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069<>:"|?*\\/]/gu;

/**
 * Neutralises a client-supplied file name: keeps only the last path segment,
 * drops control and bidi characters, refuses dot-only names, and shortens to
 * 255 characters while keeping the extension. The name is only ever shown and
 * stored as data (blob keys never contain it), so this is about honesty and
 * display safety, not path safety.
 */
export function safeFileName(raw: string): string {
  const wellFormed = raw.isWellFormed() ? raw : raw.toWellFormed();
  const lastSegment = wellFormed.split(/[\\/]/).pop() ?? '';
  let name = lastSegment.normalize('NFC').replace(UNSAFE, '').replace(/\s+/g, ' ').trim();
  if (/^\.*$/.test(name)) name = 'file';
  const chars = [...name];
  if (chars.length <= MAX_LENGTH) return name;
  const extension = extensionOf(name);
  const keep = MAX_LENGTH - [...extension].length;
  return chars.slice(0, keep).join('').trimEnd() + extension;
}

/** `.pdf` for `Lecture.PDF`; empty when there is none. Lowercased. */
export function extensionOf(fileName: string): string {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(fileName);
  return match ? `.${match[1]?.toLowerCase()}` : '';
}
