import { codePointCount } from '@bishop/domain';
import { cleanText } from './clean-text.ts';
import { detectLanguage, type TextLanguage } from './detect-language.ts';
import { ExtractionFailure } from './extraction-failure.ts';

/** A natural unit of the source: a page, a paragraph, a subtitle cue (which has times). */
export type TextSegment = { startSec: number | null; endSec: number | null; text: string };

export const documentFormats = ['text', 'markdown', 'html', 'subtitles', 'pdf', 'docx'] as const;
export type DocumentFormat = (typeof documentFormats)[number];

/** What every extractor returns: the text to train on, in segments, with what we learnt on the way. */
export type ExtractedText = {
  text: string;
  segments: TextSegment[];
  language: TextLanguage | null;
  /** Unicode code points, as the domain counts them. */
  charCount: number;
  /** Subtitles: the end of the last cue; null for documents without a timeline. */
  durationSec: number | null;
  format: DocumentFormat | 'chatExport';
  /** The character encoding the bytes were read in; null for binary formats. */
  encoding: string | null;
};

export type RawSegment = { startSec?: number | null; endSec?: number | null; text: string };

/**
 * Cleans the segments, drops the empty ones and joins the rest. No text at all is
 * a failure: "ready" promises something to train on.
 */
export function toExtractedText(
  format: ExtractedText['format'],
  rawSegments: readonly RawSegment[],
  details: { encoding?: string | null; separator?: string } = {},
): ExtractedText {
  const segments = rawSegments
    .map((s) => ({ startSec: s.startSec ?? null, endSec: s.endSec ?? null, text: cleanText(s.text) }))
    .filter((s) => s.text !== '');
  const text = segments.map((s) => s.text).join(details.separator ?? '\n\n');
  if (text === '') throw new ExtractionFailure('EMPTY', 'The file contains no text');
  const endTimes = segments.map((s) => s.endSec).filter((end) => end !== null);
  return {
    text,
    segments,
    language: detectLanguage(text),
    charCount: codePointCount(text),
    durationSec: endTimes.length > 0 ? Math.max(...endTimes) : null,
    format,
    encoding: details.encoding ?? null,
  };
}
