import { ExtractionFailure } from '../extraction-failure.ts';

/** One message cut out of an mbox; `truncated` when it was longer than the limit and only its start was kept. */
export type RawMessage = { bytes: Buffer; truncated: boolean };

export type MboxLimits = {
  /** A longer message (big attachments) keeps only its first bytes: headers and text come first. */
  maxMessageBytes: number;
  maxMessages: number;
};

export const defaultMboxLimits: MboxLimits = { maxMessageBytes: 16 * 1024 ** 2, maxMessages: 200_000 };

const FROM_LINE = Buffer.from('From ');

/**
 * Splits an mbox (Gmail Takeout, Thunderbird) into messages as it streams, so
 * memory holds one message at a time whatever the archive's size. A message
 * starts at a "From " line at the top or after a blank line; the ">From "
 * escapes that mboxo and mboxrd writers put in bodies lose one ">".
 */
export async function* mboxMessages(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  limits: MboxLimits = defaultMboxLimits,
): AsyncGenerator<RawMessage> {
  let current: Buffer[] | null = null;
  let size = 0;
  let truncated = false;
  let previousBlank = true;
  let count = 0;
  let sawAnyLine = false;
  const finish = (): RawMessage | null => {
    if (current === null) return null;
    const message = { bytes: Buffer.concat(current), truncated };
    current = null;
    return message;
  };
  for await (const line of lines(source)) {
    if (!sawAnyLine) {
      sawAnyLine = true;
      if (!startsWith(line, FROM_LINE)) throw notMbox();
    }
    if (previousBlank && startsWith(line, FROM_LINE)) {
      const done = finish();
      if (done) yield done;
      if (++count > limits.maxMessages) {
        throw new ExtractionFailure('ZIP_BOMB', `The mailbox holds more than ${limits.maxMessages} messages`);
      }
      current = [];
      size = 0;
      truncated = false;
      previousBlank = false;
      continue;
    }
    previousBlank = isBlank(line);
    const unescaped = /^>+From /.test(line.subarray(0, 64).toString('latin1')) ? line.subarray(1) : line;
    if (size + unescaped.length > limits.maxMessageBytes) {
      truncated = true;
      continue;
    }
    current?.push(unescaped);
    size += unescaped.length;
  }
  if (!sawAnyLine) throw new ExtractionFailure('EMPTY', 'The mailbox is empty');
  const last = finish();
  if (last) yield last;
}

function notMbox(): ExtractionFailure {
  return new ExtractionFailure(
    'UNSUPPORTED_FORMAT',
    'This file is not an mbox mailbox: it does not start with a "From " line',
  );
}

/** Lines with their line ends, as Buffers; a line longer than 1 MiB is cut into pieces (binary junk). */
async function* lines(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<Buffer> {
  let pending: Buffer = Buffer.alloc(0);
  for await (const chunk of source) {
    // A view, not a copy: a zipped mailbox arrives as one large chunk.
    const view = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    pending = pending.length === 0 ? view : Buffer.concat([pending, view]);
    let start = 0;
    for (let end = pending.indexOf(10, start); end !== -1; end = pending.indexOf(10, start)) {
      yield pending.subarray(start, end + 1);
      start = end + 1;
    }
    pending = pending.subarray(start);
    if (pending.length > 1024 ** 2) {
      yield pending;
      pending = Buffer.alloc(0);
    }
  }
  if (pending.length > 0) yield pending;
}

function startsWith(line: Buffer, prefix: Buffer): boolean {
  return line.length >= prefix.length && line.subarray(0, prefix.length).equals(prefix);
}

function isBlank(line: Buffer): boolean {
  return line.length <= 2 && line.every((byte) => byte === 10 || byte === 13);
}
