import { describe, expect, it } from 'vitest';
import { ChatFeed, type MessagePage } from '../src/lib/chat/chat-feed.svelte.ts';
import type { MessageFieldsFragment } from '../src/lib/graphql/generated/graphql.ts';

const piece = (index: number, text: string, done = false) => ({ messageId: 'm1', index, text, done });

function message(
  id: string,
  replyState: MessageFieldsFragment['replyState'],
  text: string | null = null,
): MessageFieldsFragment {
  return {
    id,
    chatId: 'c1',
    kind: 'TEXT',
    voice: null,
    text: 'Question?',
    sentAt: `2026-01-01T00:00:0${id.length}Z`,
    replyState,
    editedAt: null,
    deletedAt: null,
    failure: null,
    reply:
      text === null
        ? null
        : {
            id: `r-${id}`,
            text,
            personaVersion: 1,
            latencyMs: 10,
            model: 'retrieval',
            closeness: 0.8,
            lowConfidence: false,
            rating: null,
            repliedAt: '2026-01-01T00:00:09Z',
            cut: null,
            sources: [],
            dub: null,
          },
    replies: text === null ? [] : [{ id: `r-${id}` }],
  };
}

describe('chat feed', () => {
  it('streams into a pending message, then takes the stored reply and drops the stream', () => {
    const feed = new ChatFeed([]);
    feed.upsert(message('m1', 'PENDING'));
    expect(feed.pending?.id).toBe('m1');
    feed.receive(piece(0, 'Hi'));
    expect(feed.streams.m1?.text).toBe('Hi');
    feed.upsert(message('m1', 'REPLIED', 'Hi there'));
    expect(feed.streams.m1).toBeUndefined();
    expect(feed.messages[0]?.reply?.text).toBe('Hi there');
    expect(feed.pending).toBeUndefined();
  });

  it('ignores late pieces of a reply that already landed whole', () => {
    const feed = new ChatFeed([message('m1', 'REPLIED', 'Done')]);
    feed.receive(piece(0, 'Do'));
    expect(feed.streams.m1).toBeUndefined();
  });

  it('knows a message it shows exactly as it is, and one that changed since', () => {
    const feed = new ChatFeed([message('m1', 'PENDING')]);
    expect(feed.shows(message('m1', 'PENDING'))).toBe(true);
    expect(feed.shows(message('m1', 'REPLIED', 'Hi'))).toBe(false);
    expect(feed.shows(message('m2', 'PENDING'))).toBe(false);
  });

  it('shows history oldest first', () => {
    const feed = new ChatFeed([
      message('mmm', 'REPLIED', 'c'),
      message('m', 'REPLIED', 'a'),
      message('mm', 'REPLIED', 'b'),
    ]);
    expect(feed.messages.map((m) => m.id)).toEqual(['m', 'mm', 'mmm']);
  });

  it('drops a message the user took back, and streams afresh when a reply is asked again', () => {
    const feed = new ChatFeed([message('m', 'REPLIED', 'a'), message('mm', 'REPLIED', 'b')]);
    feed.upsert({ ...message('m', 'REPLIED', 'a'), deletedAt: '2026-01-01T00:01:00Z' });
    expect(feed.messages.map((m) => m.id)).toEqual(['mm']);
    feed.upsert(message('mm', 'PENDING'));
    feed.receive({ messageId: 'mm', index: 0, text: 'again', done: false });
    expect(feed.streams.mm?.text).toBe('again');
  });
  it('takes a message sent at an earlier time than the last one in its place, not at the end', () => {
    const feed = new ChatFeed([at('a', 1), at('c', 3)]);
    feed.upsert(at('b', 2));
    expect(ids(feed)).toEqual(['a', 'b', 'c']);
  });
});

describe('chat feed pages', () => {
  /** The chat's messages m01…m120, oldest first, and the server's `messages(newestFirst: true, after)`. */
  const chat = Array.from({ length: 120 }, (_, n) => at(`m${String(n + 1).padStart(3, '0')}`, n + 1));
  const pageBefore = (cursor: number | null, size = 50): MessagePage => {
    const older = chat.filter((_, n) => cursor === null || n + 1 < cursor).reverse();
    const nodes = older.slice(0, size);
    const last = nodes.at(-1);
    return {
      nodes,
      pageInfo: { hasNextPage: older.length > size, endCursor: last ? String(chat.indexOf(last) + 1) : null },
    };
  };
  const server = () => {
    const asked: string[] = [];
    const fetch = async (cursor: string) => {
      asked.push(cursor);
      return pageBefore(Number(cursor));
    };
    return { asked, fetch };
  };

  it('opens with the newest page, oldest first, and says earlier messages exist', () => {
    const feed = new ChatFeed(pageBefore(null));
    expect(ids(feed)).toEqual(chat.slice(70).map((m) => m.id));
    expect(feed.hasEarlier).toBe(true);
  });

  it('loads earlier pages before the loaded ones until the chat’s start: every message once, in order', async () => {
    const feed = new ChatFeed(pageBefore(null));
    const { asked, fetch } = server();
    await feed.loadEarlier(fetch);
    expect(feed.messages[0]?.id).toBe('m021');
    expect(feed.hasEarlier).toBe(true);
    await feed.loadEarlier(fetch);
    expect(ids(feed)).toEqual(chat.map((m) => m.id));
    expect(feed.hasEarlier).toBe(false);
    await feed.loadEarlier(fetch);
    expect(asked).toEqual(['71', '21']);
  });

  it('asks once while a page is on its way', async () => {
    const feed = new ChatFeed(pageBefore(null));
    const { asked, fetch } = server();
    await Promise.all([feed.loadEarlier(fetch), feed.loadEarlier(fetch)]);
    expect(asked).toEqual(['71']);
    expect(feed.loadingEarlier).toBe(false);
    expect(new Set(ids(feed)).size).toBe(feed.messages.length);
  });

  it('keeps live changes: new messages at the end, changes to unloaded older ones left to their page', async () => {
    const feed = new ChatFeed(pageBefore(null));
    const newest = at('n1', 121);
    feed.upsert(newest);
    feed.upsert({ ...at('m010', 10), text: 'changed while not loaded' });
    expect(feed.has('m010')).toBe(false);
    expect(feed.messages.at(-1)?.id).toBe('n1');
    const { fetch } = server();
    await feed.loadEarlier(fetch);
    await feed.loadEarlier(fetch);
    expect(ids(feed)).toEqual([...chat.map((m) => m.id), 'n1']);
    feed.upsert({ ...at('m010', 10), text: 'changed once loaded' });
    expect(feed.messages[9]?.text).toBe('changed once loaded');
  });

  it('keeps its place when loading fails, to try again', async () => {
    const feed = new ChatFeed(pageBefore(null));
    await expect(feed.loadEarlier(() => Promise.reject(new Error('offline')))).rejects.toThrow('offline');
    expect(feed.loadingEarlier).toBe(false);
    const { asked, fetch } = server();
    await feed.loadEarlier(fetch);
    expect(asked).toEqual(['71']);
  });
});

/** A replied message sent `second` seconds into the chat. */
function at(id: string, second: number): MessageFieldsFragment {
  return {
    ...message(id, 'REPLIED', `reply ${id}`),
    sentAt: new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString(),
  };
}

const ids = (feed: ChatFeed) => feed.messages.map((m) => m.id);
