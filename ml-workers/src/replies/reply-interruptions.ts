import { setTimeout as sleep } from 'node:timers/promises';
import { chatStream } from '@bishop/domain';
import type { EventStore } from '@bishop/domain/ports';

/** Why a running reply must stop: cancelled (ReplyFailed recorded), a newer message, or the chat was deleted. */
export type Interruption = 'cancelled' | 'superseded' | 'deleted';

export class ReplyInterrupted extends Error {
  override readonly name = 'ReplyInterrupted';
  readonly interruption: Interruption;
  constructor(interruption: Interruption) {
    super(`The reply was interrupted: ${interruption}`);
    this.interruption = interruption;
  }
}

/**
 * Watches the chat stream after the message while its reply is generated:
 * `cancelReply` appends ReplyFailed, a new message appends MessageSent,
 * deletion ChatDeleted. Reading the stream (from the revision last seen) is
 * what every worker process can do, wherever the cancel came from, so a
 * generation stops within one poll interval.
 */
export function watchForInterruptions(
  eventStore: EventStore,
  chatId: string,
  messageId: string,
  afterRevision: bigint,
  everyMs = 100,
  /** A first answer gives way to a newer message; a reply asked again for an earlier message does not. */
  newerMessageSupersedes = true,
) {
  const controller = new AbortController();
  const done = new AbortController();
  let next = afterRevision + 1n;
  const loop = (async () => {
    while (!done.signal.aborted) {
      await sleep(everyMs, undefined, { signal: done.signal }).catch(() => {});
      if (done.signal.aborted) return;
      const events = await eventStore.readStream(chatStream(chatId), { fromRevision: next }).catch(() => []);
      for (const event of events) {
        next = event.revision + 1n;
        const interruption = interruptionBy(event.type, event.data.messageId, messageId, newerMessageSupersedes);
        if (interruption) {
          controller.abort(new ReplyInterrupted(interruption));
          return;
        }
      }
    }
  })();
  return {
    signal: controller.signal,
    async stop(): Promise<void> {
      done.abort();
      await loop;
    },
  };
}

// Any of these about the message being answered ends this answer: cancelled, answered, rewritten or taken back.
const endsTheAnswer = new Set(['ReplyFailed', 'ReplyGenerated', 'MessageEdited', 'MessageDeleted']);

function interruptionBy(
  type: string,
  eventMessageId: unknown,
  messageId: string,
  newerMessageSupersedes: boolean,
): Interruption | null {
  if (type === 'ChatDeleted') return 'deleted';
  const newMessage = type === 'MessageSent' || type === 'VoiceMessageSent';
  if (newMessage && eventMessageId !== messageId && newerMessageSupersedes) return 'superseded';
  if (endsTheAnswer.has(type) && eventMessageId === messageId) return 'cancelled';
  return null;
}
