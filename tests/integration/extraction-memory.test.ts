import assert from 'node:assert/strict';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { extractionMemory } from '../src/extraction-memory.ts';
import { bigChatName, writeLargeTelegramExport } from '../src/large-telegram-export.ts';

// A Telegram export far larger than a test fixture, made here (never committed). Before it was read as it
// streams, this one took the worker to 2.8 GB resident (JSON.parse of the whole file, the chat's text and
// structure as single strings) and 12 minutes (participants counted by copying a list per message).
const EXPORT_MB = 120;
// What the worker may reach on it: the loaded worker (≈ 0.3 GB with its models' libraries) plus the chat's
// messages in their compact form.
const PEAK_RSS_MB = 900;

let scratch: string;
let exportPath: string;
let written: { messages: number; voiceMessages: number };
before(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'bishop-export-memory-'));
  exportPath = join(scratch, 'result.json');
  written = await writeLargeTelegramExport(exportPath, { bytes: EXPORT_MB * 2 ** 20, form: 'chat' });
});
after(() => rm(scratch, { recursive: true, force: true }));

it('extracts a large Telegram export as it streams, in a worker far smaller than the file parsed whole', {
  timeout: 300_000,
}, async (t) => {
  const fileMb = (await stat(exportPath)).size / 2 ** 20;
  const measured = await extractionMemory(exportPath, 'result.json', 'chatExport');
  t.diagnostic(
    `${fileMb.toFixed(0)} MB export, ${written.messages} messages: peak RSS ${measured.peakRssMb.toFixed(0)} MB ` +
      `(${measured.startRssMb.toFixed(0)} MB before extraction), ${measured.seconds.toFixed(1)} s`,
  );
  assert.deepEqual(measured.participants.toSorted(), ['Анна Петрова', bigChatName].toSorted());
  assert.ok(measured.charCount > written.messages * 20, `${measured.charCount} characters`);
  assert.ok(measured.peakRssMb < PEAK_RSS_MB, `peak RSS ${measured.peakRssMb.toFixed(0)} MB`);
});
