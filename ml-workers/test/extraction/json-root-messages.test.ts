import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { walkRootMessages } from '../../src/extraction/chat-exports/json-root-messages.ts';

/** The JSON in pieces of `size` bytes, cut anywhere (inside strings, keys, multi-byte letters). */
const inPieces = (json: string, size: number) => () => {
  const bytes = Buffer.from(json);
  return Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
};

describe('a JSON export’s messages, one at a time', () => {
  const json = JSON.stringify({
    guild: { name: 'Лаборатория', tags: ['a', { deep: [1, 2] }] },
    count: 3,
    exported: true,
    note: null,
    messages: [{ id: '1', content: 'привет', nested: { list: [[1], [2, { x: 'y' }]] } }, 'stray', 7, [1, 2], null],
    after: 'the list',
  });

  for (const size of [1, 3, 64, 1 << 16]) {
    it(`hands each element of messages over as it is read, and returns the other fields (${size}-byte pieces)`, async () => {
      const seen: unknown[] = [];
      const fields = await walkRootMessages(inPieces(json, size), (message) => seen.push(message));
      const whole = JSON.parse(json);
      assert.deepEqual(seen, whole.messages);
      const { messages: _, ...rest } = whole;
      assert.deepEqual(fields, rest);
    });
  }

  it('leaves a `messages` that is no list among the fields, handing nothing over', async () => {
    const seen: unknown[] = [];
    const fields = await walkRootMessages(inPieces('{"messages": {"a": 1}, "channel": {}}', 5), (m) => seen.push(m));
    assert.deepEqual(seen, []);
    assert.deepEqual(fields, { messages: { a: 1 }, channel: {} });
  });

  it('fails a cut-off file as damaged', async () => {
    await assert.rejects(
      walkRootMessages(inPieces('{"messages": [{"id": 1}, {"id"', 4), () => {}),
      /damaged or incomplete/,
    );
  });
});
