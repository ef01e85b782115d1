import type { Transcribe } from '../chat-exports/transcribe-voice-messages.ts';
import { decodeText } from '../decode-text.ts';
import { type ExtractedText, type RawSegment, toExtractedText } from '../extracted-text.ts';
import { ExtractionFailure } from '../extraction-failure.ts';
import { readFeed } from './feed.ts';
import { defaultFetchLimits, type Fetched, type FetchLimits, safeFetch } from './safe-fetch.ts';
import { readablePage } from './web-page.ts';

export type UrlInput = {
  url: string;
  /** Podcast episodes' audio; without it episodes keep only their show notes. */
  transcribe?: Transcribe;
  limits?: FetchLimits;
  /** At most this many episodes' audio is fetched and transcribed (newest first). */
  maxEpisodes?: number;
  now?: () => Date;
};
export type UrlMaterial = { extracted: ExtractedText; notes: string[] };

const PAGE = /^(?:text\/html|application\/xhtml\+xml)/;
const FEED = /^(?:application\/(?:rss|atom|rdf|feed)\+(?:xml|json)|application\/xml|text\/xml|application\/json)/;
const AUDIO = /^audio\//;

/**
 * A material given by its address: a web page's readable text, a feed's
 * entries (a podcast's episodes transcribed), or a recording. The address and
 * the time of fetching are noted with it.
 */
export async function extractUrl(input: UrlInput): Promise<UrlMaterial> {
  const limits = input.limits ?? defaultFetchLimits;
  const fetchedAt = (input.now?.() ?? new Date()).toISOString();
  const fetched = await safeFetch(
    input.url,
    (type) => PAGE.test(type) || FEED.test(type) || AUDIO.test(type) || type.startsWith('text/'),
    limits,
  );
  const notes = [`Fetched from ${fetched.url} at ${fetchedAt}.`];
  if (AUDIO.test(fetched.contentType)) {
    if (!input.transcribe)
      throw new ExtractionFailure('UNSUPPORTED_FORMAT', 'Recordings by address need speech recognition');
    const text = await input.transcribe(fetched.bytes, fileNameOf(fetched.url));
    return { extracted: toExtractedText('html', [{ text }]), notes };
  }
  const text = decodeText(fetched.bytes, { claimedAs: 'page', declaredCharset: charsetOf(fetched) }).text;
  if (PAGE.test(fetched.contentType) || /^\s*(?:<!doctype html|<html)/i.test(text)) {
    const page = readablePage(text);
    const paragraphs = page.text.split(/\n{2,}/).map((paragraph) => ({ text: paragraph }));
    return {
      extracted: toExtractedText('html', [...(page.title ? [{ text: page.title }] : []), ...paragraphs]),
      notes,
    };
  }
  if (FEED.test(fetched.contentType) || /^\s*(?:<\?xml|<rss|<feed|\{)/.test(text))
    return feedMaterial(text, input, limits, notes);
  return {
    extracted: toExtractedText(
      'text',
      text.split(/\n{2,}/).map((paragraph) => ({ text: paragraph })),
    ),
    notes,
  };
}

async function feedMaterial(text: string, input: UrlInput, limits: FetchLimits, notes: string[]): Promise<UrlMaterial> {
  const feed = readFeed(text);
  const maxEpisodes = input.maxEpisodes ?? 10;
  const segments: RawSegment[] = [];
  let transcribed = 0;
  let skipped = 0;
  for (const episode of feed.episodes) {
    let transcript = '';
    if (episode.audioUrl && input.transcribe && transcribed < maxEpisodes) {
      const audio = await safeFetch(
        episode.audioUrl,
        (type) => AUDIO.test(type) || type.startsWith('application/octet-stream'),
        limits,
      );
      transcript = await input.transcribe(audio.bytes, fileNameOf(audio.url));
      transcribed++;
    } else if (episode.audioUrl) skipped++;
    segments.push({ text: [episode.title, episode.text, transcript].filter((part) => part.trim()).join('\n\n') });
  }
  if (transcribed > 0) notes.push(`${transcribed} episode(s) transcribed from their audio.`);
  if (skipped > 0)
    notes.push(`${skipped} older episode(s) kept only their show notes (at most ${maxEpisodes} are transcribed).`);
  return { extracted: toExtractedText('html', segments), notes };
}

function charsetOf(fetched: Fetched): string | undefined {
  const header = /charset=["']?([\w-]+)/i.exec(fetched.contentType)?.[1];
  return (
    header ?? /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(fetched.bytes.subarray(0, 1024).toString('latin1'))?.[1]
  );
}

function fileNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.split('/').at(-1) || 'audio');
}
