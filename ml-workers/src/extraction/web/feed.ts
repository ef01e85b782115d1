import { parseFeed } from 'feedsmith';
import { ExtractionFailure } from '../extraction-failure.ts';
import { htmlToPlainText } from '../html-to-plain-text.ts';

/** One entry of a feed: its words, and the audio of a podcast episode. */
export type FeedEpisode = { title: string; text: string; audioUrl: string | null; published: string | null };

const AUDIO = /^audio\/|\.(?:mp3|m4a|ogg|oga|opus|wav|aac)(?:$|\?)/i;

/** RSS, Atom, RDF or JSON Feed (feedsmith tells which), newest first as feeds list them. */
export function readFeed(text: string): { title: string | null; episodes: FeedEpisode[] } {
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(text);
  } catch (error) {
    throw new ExtractionFailure('DOCUMENT_DAMAGED', 'The feed is not valid RSS, Atom or JSON Feed', { cause: error });
  }
  const feed = parsed.feed as Record<string, unknown>;
  const items = ((feed.items ?? feed.entries ?? []) as Record<string, unknown>[]).map(episodeOf);
  return { title: textOf(feed.title), episodes: items };
}

function episodeOf(item: Record<string, unknown>): FeedEpisode {
  const enclosures = (item.enclosures ?? []) as { url?: string; type?: string }[];
  const links = (item.links ?? []) as { href?: string; rel?: string; type?: string }[];
  const audio =
    enclosures.find((e) => AUDIO.test(e.type ?? '') || AUDIO.test(e.url ?? ''))?.url ??
    links.find((l) => l.rel === 'enclosure' && (AUDIO.test(l.type ?? '') || AUDIO.test(l.href ?? '')))?.href ??
    null;
  const body =
    textOf(item.content) ??
    textOf((item.content as { encoded?: string } | undefined)?.encoded) ??
    textOf(item.description) ??
    textOf(item.summary) ??
    textOf(item.content_html) ??
    textOf(item.content_text) ??
    '';
  return {
    title: textOf(item.title) ?? '',
    text: htmlToPlainText(body),
    audioUrl: audio,
    published: textOf(item.pubDate) ?? textOf(item.published) ?? textOf(item.updated) ?? null,
  };
}

/** Feed fields are strings, or Atom's { value } text constructs. */
function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { value?: unknown }).value === 'string') {
    return (value as { value: string }).value;
  }
  return null;
}
