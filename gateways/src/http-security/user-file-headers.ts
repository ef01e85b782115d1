import { create as contentDisposition } from 'content-disposition';
import type { FastifyReply } from 'fastify';

/**
 * Every answer that carries bytes a user supplied (media, exports) goes out with these:
 * never sniffed into something active, and — should a browser render it anyway, opened
 * from its URL or framed — sandboxed with no script, no plugin, no same-origin access.
 */
export const USER_FILE_CSP = "sandbox; default-src 'none'";

/** Audio the web app plays in an `<audio>` element: the only user files served inline besides our plain text. */
const PLAYABLE_AUDIO = new Set([
  'audio/aac',
  'audio/flac',
  'audio/mp4',
  'audio/mpeg',
  'audio/ogg',
  'audio/opus',
  'audio/wav',
  'audio/wave',
  'audio/webm',
  'audio/x-flac',
  'audio/x-wav',
]);

/** Types no browser executes, kept so downloads open in the right program; anything else becomes octet-stream. */
const PASSIVE_DOWNLOADS = new Set([
  'application/json',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/x-ndjson',
  'application/zip',
  'text/markdown',
  'text/plain',
  'video/mp4',
  'video/quicktime',
  'video/webm',
  'video/x-matroska',
]);

export interface ServedAs {
  readonly contentType: string;
  readonly inline: boolean;
}

/**
 * The type a stored file is served with. Active types (HTML, SVG, XML, JavaScript, PDF…)
 * never go out as themselves: whatever the upload claimed, they become
 * `application/octet-stream` attachments. Only `utf8Text` (text Bishop extracted and
 * wrote as UTF-8) is shown inline as `text/plain; charset=utf-8`.
 */
export function servedAs(storedType: string, options: { readonly utf8Text?: boolean } = {}): ServedAs {
  const essence = (storedType.split(';')[0] ?? '').trim().toLowerCase();
  if (PLAYABLE_AUDIO.has(essence)) return { contentType: essence, inline: true };
  if (essence === 'text/plain' && options.utf8Text) return { contentType: 'text/plain; charset=utf-8', inline: true };
  if (PASSIVE_DOWNLOADS.has(essence)) return { contentType: essence, inline: false };
  return { contentType: 'application/octet-stream', inline: false };
}

// Controls, bidi overrides and path separators have no business in a saved file's name.
const UNSAFE_IN_NAMES = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069/\\]/gu;

/**
 * `Content-Disposition` per RFC 6266: an ASCII `filename` fallback and, for any other
 * name, the exact one as RFC 5987 `filename*` (UTF-8, percent-encoded), so a hostile
 * name (quotes, semicolons, CR/LF, bidi tricks) can neither break the header nor the save dialog.
 */
export function dispositionFor(fileName: string, inline: boolean): string {
  const cleaned = fileName.replace(UNSAFE_IN_NAMES, '_').trim() || 'download';
  const fallback = cleaned.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  return contentDisposition(cleaned, { type: inline ? 'inline' : 'attachment', fallback });
}

/** Sets the type, disposition and the sandboxing headers of a user file on `reply`. */
export function sendAsUserFile(reply: FastifyReply, served: ServedAs, fileName: string): FastifyReply {
  return reply
    .type(served.contentType)
    .header('content-disposition', dispositionFor(fileName, served.inline))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', USER_FILE_CSP)
    .header('referrer-policy', 'no-referrer');
}
