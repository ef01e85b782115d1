import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@bishop/domain/ports';
import type { BenchStore } from './bench-stores.ts';

const TEXT = 'Sure, I can be there by seven. Could you bring the spare keys?';

/**
 * A realistic `MessageSent` on a chat stream: ~300 bytes of JSON data plus our
 * full metadata envelope (the same envelope a command handler writes).
 */
export function chatMessageEvent(chatId: string, authorId: string): NewEvent {
  const commandId = randomUUID();
  const now = new Date().toISOString();
  return {
    type: 'MessageSent',
    data: {
      chatId,
      messageId: randomUUID(),
      authorId,
      text: TEXT,
      language: 'en',
      sentAt: now,
      replyTo: null,
      attachments: [],
    },
    metadata: {
      eventId: randomUUID(),
      commandId,
      correlationId: commandId,
      causationId: commandId,
      actorId: `user:${authorId}`,
      schemaVersion: 1,
      occurredAt: now,
      dataSubject: `chat-${chatId}`,
    },
  };
}

/** One writer's script: `appends` batches of `batchSize` events, a new chat stream every `appendsPerStream` appends. */
export interface WriterScript {
  readonly streams: readonly string[];
  readonly batches: readonly (readonly NewEvent[])[];
  readonly appendsPerStream: number;
}

export function writerScript(appends: number, batchSize: number, appendsPerStream: number): WriterScript {
  const streams: string[] = [];
  const batches: NewEvent[][] = [];
  const authorId = randomUUID();
  let chatId = '';
  for (let i = 0; i < appends; i++) {
    if (i % appendsPerStream === 0) {
      chatId = randomUUID();
      streams.push(`chat-${chatId}`);
    }
    batches.push(Array.from({ length: batchSize }, () => chatMessageEvent(chatId, authorId)));
  }
  return { streams, batches, appendsPerStream };
}

/** Every writer runs its script sequentially; the writers run concurrently. Returns events written. */
export async function runWriters(store: BenchStore, scripts: readonly WriterScript[]): Promise<number> {
  const written = await Promise.all(
    scripts.map(async (script) => {
      let expected: bigint | undefined;
      let events = 0;
      for (const [i, batch] of script.batches.entries()) {
        if (i % script.appendsPerStream === 0) expected = undefined;
        const stream = script.streams[Math.floor(i / script.appendsPerStream)] ?? 'chat-missing';
        expected = await store.append(stream, batch, expected);
        events += batch.length;
      }
      return events;
    }),
  );
  return written.reduce((a, b) => a + b, 0);
}

export function writerScripts(writers: number, appends: number, batchSize: number, appendsPerStream: number) {
  return Array.from({ length: writers }, () => writerScript(appends, batchSize, appendsPerStream));
}
