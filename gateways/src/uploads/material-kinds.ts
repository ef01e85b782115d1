import type { MaterialKind } from '@bishop/domain';

/** What each accepted extension is, and the media type we record when its bytes agree. */
export const acceptedExtensions: Readonly<Record<string, { kind: MaterialKind; mediaType: string }>> = {
  '.txt': { kind: 'text', mediaType: 'text/plain' },
  '.md': { kind: 'text', mediaType: 'text/markdown' },
  '.markdown': { kind: 'text', mediaType: 'text/markdown' },
  '.html': { kind: 'text', mediaType: 'text/html' },
  '.htm': { kind: 'text', mediaType: 'text/html' },
  '.srt': { kind: 'text', mediaType: 'application/x-subrip' },
  '.vtt': { kind: 'text', mediaType: 'text/vtt' },
  '.pdf': { kind: 'text', mediaType: 'application/pdf' },
  '.docx': { kind: 'text', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  '.wav': { kind: 'audio', mediaType: 'audio/wav' },
  '.mp3': { kind: 'audio', mediaType: 'audio/mpeg' },
  '.ogg': { kind: 'audio', mediaType: 'audio/ogg' },
  '.oga': { kind: 'audio', mediaType: 'audio/ogg' },
  '.opus': { kind: 'audio', mediaType: 'audio/opus' },
  '.m4a': { kind: 'audio', mediaType: 'audio/mp4' },
  '.flac': { kind: 'audio', mediaType: 'audio/flac' },
  '.mp4': { kind: 'video', mediaType: 'video/mp4' },
  '.mkv': { kind: 'video', mediaType: 'video/x-matroska' },
  '.webm': { kind: 'video', mediaType: 'video/webm' },
  '.mov': { kind: 'video', mediaType: 'video/quicktime' },
  '.json': { kind: 'chatExport', mediaType: 'application/json' },
  '.zip': { kind: 'chatExport', mediaType: 'application/zip' },
  // A web page, feed or podcast to fetch: a bare address, or a Windows Internet Shortcut.
  '.url': { kind: 'text', mediaType: 'text/uri-list' },
  '.mbox': { kind: 'chatExport', mediaType: 'application/mbox' },
  '.eml': { kind: 'chatExport', mediaType: 'message/rfc822' },
};

/** File-type's extensions that may stand behind each of ours (containers share families). */
export const compatibleSniffs: Readonly<Record<string, readonly string[]>> = {
  '.pdf': ['pdf'],
  // Encrypted .docx files are OLE containers (cfb); extraction then says "password-protected".
  '.docx': ['docx', 'zip', 'cfb'],
  '.wav': ['wav'],
  '.mp3': ['mp3'],
  '.ogg': ['ogg', 'opus', 'oga'],
  '.oga': ['ogg', 'opus', 'oga'],
  '.opus': ['opus', 'ogg'],
  '.m4a': ['m4a', 'mp4', 'aac'],
  '.flac': ['flac'],
  '.mp4': ['mp4', 'm4v', 'mov', 'm4a'],
  '.mkv': ['mkv', 'webm'],
  '.webm': ['webm', 'mkv'],
  '.mov': ['mov', 'mp4', 'qt'],
  '.zip': ['zip'],
};

/**
 * What a sniffer may recognise inside a text format without it being a
 * disguise: text formats with a signature of their own (WebVTT's "WEBVTT",
 * XHTML's "<?xml", iCalendar, vCard). Binary formats never qualify.
 */
export function isTextSignature(sniffed: { readonly ext: string; readonly mime: string }): boolean {
  return sniffed.mime.startsWith('text/') || sniffed.ext === 'xml';
}

export const acceptedList =
  'text (.txt .md .pdf .docx .html .srt .vtt), audio (.wav .mp3 .ogg .opus .m4a .flac), video (.mp4 .mkv .webm .mov) or exports (Telegram result.json or zipped export, WhatsApp .txt, mail .mbox/.eml, VK/Slack/Facebook/Instagram/Discord exports as .zip or .json)';
