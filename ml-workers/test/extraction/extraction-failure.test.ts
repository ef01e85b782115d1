import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validFailure } from '@bishop/domain';
import { quoted } from '../../src/extraction/extraction-failure.ts';
import { ExtractionFailure, extractChatExport, extractDocument } from '../../src/extraction/index.ts';
import { fixture } from './fixtures.ts';

const BAD_DOCUMENTS = [
  'truncated.pdf',
  'encrypted.pdf',
  'scanned.pdf',
  'encrypted.docx',
  'truncated.docx',
  'text-named.mp3',
];
const BAD_EXPORTS = ['zip-bomb.zip', 'path-traversal.zip', 'symlink.zip', 'all-chats.json', 'service-only.json'];

async function failureOf(action: Promise<unknown>): Promise<ExtractionFailure> {
  try {
    await action;
  } catch (error) {
    if (error instanceof ExtractionFailure) return error;
    throw error;
  }
  assert.fail('expected a failure');
}

describe('extraction failures', () => {
  it('are what MaterialExtractionFailed accepts', async () => {
    const failures = await Promise.all([
      ...BAD_DOCUMENTS.map((name) =>
        failureOf(extractDocument({ bytes: fixture(`documents/${name}`), fileName: name, mediaType: '' })),
      ),
      ...BAD_EXPORTS.map((name) =>
        failureOf(extractChatExport({ bytes: fixture(`chat-exports/telegram/${name}`), fileName: name })),
      ),
    ]);
    for (const failure of failures) assert.deepEqual(validFailure(failure.failure), failure.failure);
  });

  it('quote names from inside a file without their control and bidi characters, and cut long ones', () => {
    assert.equal(quoted('evil\u202Efdp.exe\n'), '"evil?fdp.exe?"');
    assert.equal(quoted('a'.repeat(200)), `"${'a'.repeat(79)}…"`);
  });
});
