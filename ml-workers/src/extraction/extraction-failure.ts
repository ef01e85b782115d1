import type { Failure } from '@bishop/domain';

/** Stable codes a program can branch on; the sentence beside each failure is for people. */
export const ExtractionFailureCode = {
  DisguisedType: 'DISGUISED_TYPE',
  NotText: 'NOT_TEXT',
  Empty: 'EMPTY',
  PdfDamaged: 'PDF_DAMAGED',
  NoTextLayer: 'NO_TEXT_LAYER',
  DocumentDamaged: 'DOCUMENT_DAMAGED',
  Encrypted: 'ENCRYPTED',
  ArchiveDamaged: 'ARCHIVE_DAMAGED',
  ZipBomb: 'ZIP_BOMB',
  UnsafeArchive: 'UNSAFE_ARCHIVE',
  AmbiguousChat: 'AMBIGUOUS_CHAT',
  NoMessages: 'NO_MESSAGES',
  UnsupportedFormat: 'UNSUPPORTED_FORMAT',
  FetchFailed: 'FETCH_FAILED',
  FetchRefused: 'FETCH_REFUSED',
  FetchTooLarge: 'FETCH_TOO_LARGE',
} as const;
export type ExtractionFailureCode = (typeof ExtractionFailureCode)[keyof typeof ExtractionFailureCode];

/**
 * The material cannot be read, and retrying will not change that. The worker
 * records it as MaterialExtractionFailed with `failure`.
 */
export class ExtractionFailure extends Error {
  override readonly name = 'ExtractionFailure';
  readonly reasonCode: ExtractionFailureCode;
  readonly reason: string;

  constructor(reasonCode: ExtractionFailureCode, reason: string, options?: { cause?: unknown }) {
    super(reason, options);
    this.reasonCode = reasonCode;
    this.reason = reason;
  }

  get failure(): Failure {
    return { reasonCode: this.reasonCode, reason: this.reason };
  }
}

/**
 * A name from inside the file (a ZIP path, a chat title), made safe to show in a
 * reason: quoted, without control or bidi characters, at most 80 characters.
 */
export function quoted(name: string): string {
  const visible = name.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu, '?');
  return `"${visible.length > 80 ? `${visible.slice(0, 79)}…` : visible}"`;
}

/** Up to `max` quoted names, then how many more there are. */
export function quotedList(names: readonly string[], max = 10): string {
  const shown = names.slice(0, max).map(quoted).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}
