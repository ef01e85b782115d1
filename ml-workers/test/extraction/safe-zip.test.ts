import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultZipLimits, readZipSafely } from '../../src/extraction/index.ts';
import { assertFailure, fixture } from './fixtures.ts';

const exportZip = () => fixture('chat-exports/telegram/ChatExport_2024-03-05.zip');
const readAll = () => true;

/** Rewrites the uncompressed size an entry declares, in its local header and in the central directory. */
function declareSize(zip: Buffer, entryName: string, size: number): Buffer {
  const patched = Buffer.from(zip);
  const name = Buffer.from(entryName);
  for (let at = 0; at < patched.length - 4; at++) {
    const signature = patched.readUInt32LE(at);
    if (signature === 0x04034b50 && patched.subarray(at + 30, at + 30 + name.length).equals(name)) {
      patched.writeUInt32LE(size, at + 22);
    }
    if (signature === 0x02014b50 && patched.subarray(at + 46, at + 46 + name.length).equals(name)) {
      patched.writeUInt32LE(size, at + 24);
    }
  }
  return patched;
}

describe('reading a ZIP safely', () => {
  it('unpacks only the entries asked for, and lists all', async () => {
    const { entries, files } = await readZipSafely(exportZip(), ({ path }) => path.endsWith('result.json'));
    assert.deepEqual([...files.keys()], ['ChatExport_2024-03-05/result.json']);
    assert.ok(entries.some((e) => e.path.endsWith('.ogg')));
    assert.equal(
      JSON.parse(files.get('ChatExport_2024-03-05/result.json')?.toString('utf8') ?? '').name,
      'Boris Ivanov',
    );
  });

  it('stops a zip bomb before unpacking it', async () => {
    const started = performance.now();
    await assertFailure(
      readZipSafely(fixture('chat-exports/telegram/zip-bomb.zip'), readAll),
      'ZIP_BOMB',
      /^The archive looks like a zip bomb: "ChatExport\/video_files\/lecture\.mp4" unpacks \d+ times larger than it is packed$/,
    );
    assert.ok(performance.now() - started < 1000, 'the bomb was unpacked');
  });

  it('stops an entry that unpacks to more than its header declares', async () => {
    await assertFailure(
      readZipSafely(declareSize(exportZip(), 'ChatExport_2024-03-05/result.json', 100), readAll),
      'ZIP_BOMB',
      '"ChatExport_2024-03-05/result.json" unpacks to more than its header declares',
    );
  });

  it('enforces the limits on entry count, entry size and total size', async () => {
    const limits = (overrides: Partial<typeof defaultZipLimits>) => ({ ...defaultZipLimits, ...overrides });
    await assertFailure(
      readZipSafely(exportZip(), readAll, limits({ maxEntries: 3 })),
      'ZIP_BOMB',
      'The archive holds 6 files; at most 3 are accepted',
    );
    await assertFailure(
      readZipSafely(exportZip(), readAll, limits({ maxEntryBytes: 2048 })),
      'ZIP_BOMB',
      '"ChatExport_2024-03-05/result.json" unpacks to more than 2 KiB',
    );
    await assertFailure(
      readZipSafely(exportZip(), readAll, limits({ maxTotalBytes: 8192 })),
      'ZIP_BOMB',
      'The archive unpacks to more than 8 KiB',
    );
  });

  for (const [name, path] of [
    ['path-traversal.zip', '../../.bashrc'],
    ['absolute-path.zip', '/etc/cron.d/bishop'],
  ]) {
    it(`refuses ${name}, whose entries escape the folder`, async () => {
      await assertFailure(
        readZipSafely(fixture(`chat-exports/telegram/${name}`), readAll),
        'UNSAFE_ARCHIVE',
        `The archive contains an unsafe path: "${path}"`,
      );
    });
  }

  it('refuses symbolic links', async () => {
    await assertFailure(
      readZipSafely(fixture('chat-exports/telegram/symlink.zip'), readAll),
      'UNSAFE_ARCHIVE',
      'The archive contains a symbolic link: "result.json"',
    );
  });

  it('reports a cut-off archive as damaged', async () => {
    const zip = exportZip();
    await assertFailure(
      readZipSafely(zip.subarray(0, zip.length - 100), readAll),
      'ARCHIVE_DAMAGED',
      'The archive is damaged or incomplete',
    );
  });
});
