import type { DocumentFormat } from './extracted-text.ts';

const FORMAT_BY_EXTENSION: Readonly<Record<string, DocumentFormat>> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  srt: 'subtitles',
  vtt: 'subtitles',
  pdf: 'pdf',
  docx: 'docx',
};

const FORMAT_BY_MEDIA_TYPE: Readonly<Record<string, DocumentFormat>> = {
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/x-subrip': 'subtitles',
  'text/vtt': 'subtitles',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

export const readableExtensions = '.txt, .md, .pdf, .docx, .html, .srt and .vtt';

/** What the upload says it is: the file name's extension, else its media type. */
export type ClaimedFormat = { format: DocumentFormat | null; label: string };

export function claimedFormat(fileName: string, mediaType: string): ClaimedFormat {
  const extension = /\.([a-z0-9]{1,10})$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension) return { format: FORMAT_BY_EXTENSION[extension] ?? null, label: `.${extension}` };
  const type = mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
  return { format: FORMAT_BY_MEDIA_TYPE[type] ?? null, label: type ? `${type} (no extension)` : 'with no extension' };
}
