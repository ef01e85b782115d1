import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EventStore, RecordedEvent } from '@bishop/domain/ports';
import { transcriptCache } from '../../src/replies/index.ts';
import { chatEvent } from './reply-fixtures.ts';

/** Chat streams by name, over arrays the test fills (the only call the cache makes). */
function chatStreams(streams: Record<string, RecordedEvent[]>): EventStore {
  return {
    readStream: async (stream: string, options?: { fromRevision?: bigint }) =>
      (streams[stream] ?? []).filter((event) => event.revision >= (options?.fromRevision ?? 0n)),
  } as unknown as EventStore;
}

describe('the reply worker’s chat cache', () => {
  it('drops a shredded avatar’s chats at once, and only those', async () => {
    const opened = (avatarId: string) => chatEvent('ChatOpened', { avatarId, title: 'Письма' });
    const cache = transcriptCache(
      chatStreams({
        'chat-c1': [opened('a1'), chatEvent('MessageSent', { messageId: 'm1', text: 'Секрет' })],
        'chat-c2': [opened('a2')],
      }),
    );
    assert.equal((await cache.transcriptOf('c1')).turns[0]?.text, 'Секрет');
    await cache.transcriptOf('c2');
    assert.equal(cache.size, 2);
    cache.forgetAvatar('a1');
    assert.equal(cache.size, 1, 'the shredded avatar’s words are no longer held');
    cache.forgetChat('c2');
    assert.equal(cache.size, 0);
  });
});
