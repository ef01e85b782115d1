import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { ChatMessage, ChatMessages } from './chat-export.ts';

/** The same messages, each changed as it passes. */
export function mapMessages(messages: ChatMessages, change: (message: ChatMessage) => ChatMessage): ChatMessages {
  return {
    length: messages.length,
    *[Symbol.iterator]() {
      for (const message of messages) yield change(message);
    },
  };
}

const WRITE_BYTES = 1 << 20;
const READ_BYTES = 1 << 20;

/**
 * Messages written as NDJSON to a file of the worker's private temporary directory as they are parsed, and
 * read back from it at each pass. The directory's owner removes it (with the user's words) when done.
 */
export function spillMessages(directory: string): {
  add: (message: ChatMessage) => void;
  done: () => ChatMessages;
  discard: () => void;
} {
  const path = join(directory, `messages-${process.hrtime.bigint()}.ndjson`);
  let fd: number | null = openSync(path, 'wx', 0o600);
  let pending = '';
  let length = 0;
  const flush = () => {
    if (fd !== null && pending !== '') writeSync(fd, pending);
    pending = '';
  };
  const close = () => {
    if (fd !== null) closeSync(fd);
    fd = null;
  };
  return {
    add(message) {
      pending += `${JSON.stringify(message)}\n`;
      length++;
      if (pending.length >= WRITE_BYTES) flush();
    },
    done() {
      flush();
      close();
      return { length, [Symbol.iterator]: () => readSpill(path) };
    },
    discard: close,
  };
}

function* readSpill(path: string): Generator<ChatMessage> {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(READ_BYTES);
    const decoder = new TextDecoder('utf-8');
    let rest = '';
    for (;;) {
      const read = readSync(fd, buffer, 0, READ_BYTES, null);
      rest += decoder.decode(buffer.subarray(0, read), { stream: read > 0 });
      let start = 0;
      for (let end = rest.indexOf('\n'); end !== -1; end = rest.indexOf('\n', start)) {
        yield JSON.parse(rest.slice(start, end)) as ChatMessage;
        start = end + 1;
      }
      rest = rest.slice(start);
      if (read === 0) return;
    }
  } finally {
    closeSync(fd);
  }
}
