import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@bishop/domain/ports';

const TEXT =
  'Sure, I can be there by seven. Could you bring the signed contract and the spare keys? ' +
  'I will text you once I have parked near the north entrance.';

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
