import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { EventStore, RecordedEvent } from '@bishop/domain/ports';
import { type LanguageModel, transformersLlm } from '../../src/llm/index.ts';
import { loadLlm } from '../../src/models/index.ts';
import { ReplyInterrupted, watchForInterruptions } from '../../src/replies/index.ts';
import { testModelSettings } from '../models/test-models.ts';
import { chatEvent } from './reply-fixtures.ts';

/** The one call the watcher makes, over an array that the test appends to. */
function chatStreamOf(events: RecordedEvent[]): EventStore {
  return {
    readStream: async (_stream: string, options?: { fromRevision?: bigint }) =>
      events.filter((event) => event.revision >= (options?.fromRevision ?? 0n)),
  } as unknown as EventStore;
}

describe('a running reply stops on a cancel, a newer message or deletion', () => {
  let llm: LanguageModel;
  before(async () => {
    llm = transformersLlm(await loadLlm(testModelSettings()), { modelName: 'llm-tiny-random' });
  });

  async function generateUntil(append: RecordedEvent, afterPieces: number) {
    const events = [chatEvent('MessageSent', { messageId: 'm1', text: 'Привет' })];
    const sent = events[0] as RecordedEvent;
    const watch = watchForInterruptions(chatStreamOf(events), 'c1', 'm1', sent.revision, 20);
    let pieces = 0;
    let appendedAt = 0;
    const started = performance.now();
    try {
      await llm.generate([{ role: 'user', content: 'Привет' }], {
        maxNewTokens: 5000,
        temperature: 0.9,
        signal: watch.signal,
        onToken: () => {
          pieces += 1;
          if (pieces === afterPieces) {
            events.push({ ...append, revision: sent.revision + 1n });
            appendedAt = performance.now();
          }
        },
      });
      assert.fail('generation should have been interrupted');
    } catch (error) {
      return { error, stoppedAfterMs: performance.now() - appendedAt, totalMs: performance.now() - started };
    } finally {
      await watch.stop();
    }
  }

  it('cancelReply (ReplyFailed for this message) aborts the generation within a poll or two', async () => {
    const outcome = await generateUntil(
      chatEvent('ReplyFailed', { messageId: 'm1', reasonCode: 'CANCELLED', reason: 'x' }),
      3,
    );
    assert.ok(outcome.error instanceof ReplyInterrupted);
    assert.equal(outcome.error.interruption, 'cancelled');
    assert.ok(outcome.stoppedAfterMs < 500, `stopped ${outcome.stoppedAfterMs} ms after the cancel`);
  });

  it('a newer message in the chat supersedes the reply', async () => {
    const outcome = await generateUntil(chatEvent('MessageSent', { messageId: 'm2', text: 'Ещё' }), 2);
    assert.equal((outcome.error as ReplyInterrupted).interruption, 'superseded');
  });

  it('deleting the chat stops it', async () => {
    const outcome = await generateUntil(chatEvent('ChatDeleted', {}), 2);
    assert.equal((outcome.error as ReplyInterrupted).interruption, 'deleted');
  });

  it('ignores what concerns other messages', async () => {
    const events = [chatEvent('MessageSent', { messageId: 'm1', text: 'Привет' })];
    const watch = watchForInterruptions(chatStreamOf(events), 'c1', 'm1', (events[0] as RecordedEvent).revision, 10);
    events.push({
      ...chatEvent('ReplyFailed', { messageId: 'm0', reasonCode: 'CANCELLED', reason: 'x' }),
      revision: 1n,
    });
    await new Promise((resolve) => setTimeout(resolve, 80));
    assert.equal(watch.signal.aborted, false);
    await watch.stop();
  });
});
