import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { extractChatExport } from '../../src/extraction/index.ts';
import { withScratchDirectory } from '../../src/workers/blob-files.ts';
import { fixture } from './fixtures.ts';

const bytes = fixture('chat-exports/telegram/personal-chat.json');

describe('a chat spilled to the worker’s scratch directory', () => {
  it('reads the same messages as one kept in memory, again at each pass, and leaves nothing behind', async () => {
    const kept = (await extractChatExport({ bytes, fileName: 'result.json' })).chatExport;
    let directory = '';
    await withScratchDirectory(async (spillDir) => {
      directory = spillDir;
      const spilled = (await extractChatExport({ bytes, fileName: 'result.json', spillDir })).chatExport;
      assert.equal(readdirSync(spillDir).length, 1, 'the chat’s messages are in a file of the scratch directory');
      assert.ok(!Array.isArray(spilled.messages), 'the messages are read from the file, not kept');
      const { messages, ...facts } = spilled;
      const { messages: keptMessages, ...keptFacts } = kept;
      assert.deepEqual(facts, keptFacts);
      assert.equal(messages.length, keptMessages.length);
      assert.deepEqual([...messages], [...keptMessages]);
      assert.deepEqual([...messages], [...keptMessages], 'a second pass reads them again');
    });
    assert.equal(existsSync(directory), false, 'the user’s words are removed once stored');
  });

  it('removes the spilled messages when the export fails half-way', async () => {
    let directory = '';
    const damaged = bytes.subarray(0, Math.floor(bytes.length * 0.8));
    await assert.rejects(
      withScratchDirectory(async (spillDir) => {
        directory = spillDir;
        await extractChatExport({ bytes: damaged, fileName: 'result.json', spillDir });
      }),
    );
    assert.notEqual(directory, '');
    assert.equal(existsSync(directory), false);
  });
});
