import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { defaultZipLimits, readExportArchive } from '../../src/extraction/index.ts';

// A Takeout-shaped archive: one zipped "All mail" mbox far larger than the memory the reader may use.
const LETTERS = 120;
const ATTACHMENT_BYTES = 256 * 1024;
const MEMORY_BUDGET_MB = 12;
const mb = (bytes: number) => bytes / 2 ** 20;
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
// Memory JavaScript holds (heap and array buffers) after a full collection, without garbage not yet collected.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const liveMb = () => {
  collectGarbage();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return mb(heapUsed + arrayBuffers);
};

let scratch: string;
let archive: string;
before(() => {
  return (async () => {
    scratch = await mkdtemp(join(tmpdir(), 'bishop-takeout-'));
    archive = join(scratch, 'takeout.zip');
    // Python's mailbox and zipfile write it, as Takeout would: letters with photos attached.
    execFileSync('python3', ['-c', TAKEOUT_WRITER, archive, String(LETTERS), String(ATTACHMENT_BYTES)]);
  })();
});
after(() => rm(scratch, { recursive: true, force: true }));

it('reads a zipped mbox larger than its memory budget from the file, one letter at a time', async (t) => {
  const archiveMb = mb((await stat(archive)).size);
  const rssBefore = peakRssMb();
  const liveBefore = liveMb();
  const live: number[] = [];
  // Often enough that a quick machine still takes several samples while the archive is read.
  const sampling = setInterval(() => live.push(liveMb() - liveBefore), 100);
  // An entry above maxEntryBytes is refused when unpacked whole: this one can only be read streaming.
  const { chatExport } = await readExportArchive(
    { path: archive },
    { zipLimits: { ...defaultZipLimits, maxEntryBytes: MEMORY_BUDGET_MB * 2 ** 20 } },
  );
  clearInterval(sampling);
  const rssGrowth = peakRssMb() - rssBefore;
  const mostLive = Math.max(...live);
  t.diagnostic(
    `${archiveMb.toFixed(0)} MB archive, ${live.length} samples; live memory grew at most ${mostLive.toFixed(1)} MB, ` +
      `peak RSS grew ${rssGrowth.toFixed(0)} MB (garbage not yet collected included)`,
  );
  assert.ok(archiveMb > 2 * MEMORY_BUDGET_MB, `the archive is only ${archiveMb.toFixed(0)} MB`);
  assert.equal(chatExport.messages.length, LETTERS);
  assert.deepEqual(
    chatExport.participants.map((p) => [p.name, p.messageCount]),
    [['Анна Петрова <anna@example.ru>', LETTERS]],
  );
  assert.ok(live.length > 5, `${live.length} samples`);
  // Holding the mbox (or the archive) whole would take more than the archive's size.
  assert.ok(mostLive < MEMORY_BUDGET_MB, `live memory grew ${mostLive.toFixed(1)} MB`);
});

const TAKEOUT_WRITER = `
import mailbox, os, sys, zipfile, email.message, email.utils
path, letters, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
mbox_path = path + '.mbox'
box = mailbox.mbox(mbox_path)
for i in range(letters):
    m = email.message.EmailMessage()
    m['From'] = email.utils.formataddr(('Анна Петрова', 'anna@example.ru'))
    m['To'] = 'boris@example.ru'
    m['Subject'] = f'Фото {i}'
    m['Date'] = email.utils.formatdate(1709539200 + i * 3600)
    m['Message-ID'] = f'<photo-{i}@example.ru>'
    m.set_content(f'Посылаю фотографию номер {i}, с дачи.')
    m.add_attachment(os.urandom(size), maintype='image', subtype='jpeg', filename=f'photo-{i}.jpg')
    box.add(m)
box.close()
with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
    z.write(mbox_path, 'Takeout/Mail/All mail Including Spam and Trash.mbox')
os.remove(mbox_path)
`;
