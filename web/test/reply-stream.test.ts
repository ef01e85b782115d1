import { describe, expect, it } from 'vitest';
import { ChatFeed } from '../src/lib/chat/chat-feed.svelte.ts';
import { ReplyAssembler } from '../src/lib/chat/reply-stream.ts';
import type { MessageFieldsFragment } from '../src/lib/graphql/generated/graphql.ts';

const piece = (index: number, text: string, done = false) => ({ messageId: 'm1', index, text, done });

describe('reply assembler', () => {
  it('joins pieces in index order', () => {
    const assembler = new ReplyAssembler();
    assembler.apply(piece(0, 'Hel'));
    const reply = assembler.apply(piece(1, 'lo', true));
    expect(reply).toEqual({ text: 'Hello', started: true, done: true });
  });

  it('holds a piece that arrives early until the ones before it', () => {
    const assembler = new ReplyAssembler();
    expect(assembler.apply(piece(1, ' world'))).toEqual({ text: '', started: false, done: false });
    expect(assembler.apply(piece(0, 'Hello')).text).toBe('Hello world');
  });

  it('ignores a repeated piece (redelivery after a reconnect)', () => {
    const assembler = new ReplyAssembler();
    assembler.apply(piece(0, 'Да'));
    assembler.apply(piece(0, 'Да'));
    expect(assembler.apply(piece(1, ', конечно')).text).toBe('Да, конечно');
  });

  it('keeps replies to different messages apart', () => {
    const assembler = new ReplyAssembler();
    assembler.apply(piece(0, 'one'));
    assembler.apply({ messageId: 'm2', index: 0, text: 'two', done: false });
    expect(assembler.read('m1').text).toBe('one');
    expect(assembler.read('m2').text).toBe('two');
  });
});

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
});
