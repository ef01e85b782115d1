import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyTranscript, exchangesOf, foldTranscript, recallExchanges } from '../../src/replies/index.ts';
import { chatEvent } from './reply-fixtures.ts';

describe('chat memory beyond the context window', () => {
  const events = [
    chatEvent('ChatOpened', { chatId: 'c1', avatarId: 'a1', ownerId: 'u1', title: 'Разговор' }),
    chatEvent('MessageSent', { messageId: 'm-dog', text: 'У меня есть пёс, его зовут Барбос' }),
    chatEvent('ReplyGenerated', { messageId: 'm-dog', replyId: 'r-dog', text: 'Барбос — отличное имя для пса' }),
    ...Array.from({ length: 150 }, (_, i) => [
      chatEvent('MessageSent', { messageId: `m${i}`, text: `Расскажи ещё про созвездие номер ${i}` }),
      chatEvent('ReplyGenerated', { messageId: `m${i}`, replyId: `r${i}`, text: `Созвездие ${i} видно осенью` }),
    ]).flat(),
    chatEvent('MessageSent', { messageId: 'm-cancel', text: 'Это отменят' }),
    chatEvent('ReplyFailed', { messageId: 'm-cancel', reasonCode: 'CANCELLED', reason: 'The reply was cancelled' }),
  ];

  it('folds the chat stream into turns with their outcomes', () => {
    const transcript = foldTranscript(emptyTranscript('c1'), events);
    assert.equal(transcript.avatarId, 'a1');
    assert.equal(transcript.turns.length, 152);
    assert.equal(transcript.turns[0]?.reply?.text, 'Барбос — отличное имя для пса');
    assert.equal(transcript.turns.at(-1)?.outcome, 'failed');
    assert.equal(transcript.revision, events.at(-1)?.revision);
    // Folding in two steps gives the same result as in one (the cache reads only what is new).
    const split = foldTranscript(foldTranscript(emptyTranscript('c1'), events.slice(0, 100)), events.slice(100));
    assert.deepEqual(split, transcript);
  });

  it('recalls an exchange from long ago by its words', () => {
    const earlier = exchangesOf(foldTranscript(emptyTranscript('c1'), events).turns);
    const [first] = recallExchanges(earlier.slice(0, -20), 'Как зовут моего пса?', 3);
    assert.equal(first?.id, 'message:m-dog');
    assert.equal(recallExchanges(earlier, 'А Барбос ещё у меня?', 1)[0]?.messageId, 'm-dog');
  });

  it('keeps erased messages out', () => {
    const erased = foldTranscript(emptyTranscript('c1'), [chatEvent('MessageSent', { messageId: 'gone' })]);
    assert.deepEqual(exchangesOf(erased.turns), []);
  });
});
