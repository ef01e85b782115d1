import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readdir, stat, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

// Every job file of this process goes under this test's own temporary folder.
const temporary = await mkdtemp(join(tmpdir(), 'job-scratch-test-'));
process.env.TMPDIR = temporary;
const { jobFilePath, jobScratchDirectory, sweepOrphanedJobFiles } = await import('../src/runtime/job-scratch.ts');

const jobs = join(temporary, 'bishop-jobs');
const host = hostname().replaceAll(/[^\w.-]/g, '_');

/** The pid of a process that has ended. */
async function goneProcessId(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await once(child, 'exit');
  return child.pid as number;
}

async function leftoverFolder(name: string): Promise<string> {
  const folder = join(jobs, name);
  await mkdir(join(folder, 'scratch-x'), { recursive: true });
  await writeFile(join(folder, 'scratch-x', 'messages.ndjson'), '{"text":"a private message"}\n');
  return folder;
}

test('job files live in a private folder of this process', async () => {
  const path = await jobFilePath('dub.ogg');
  const directory = await jobScratchDirectory();
  assert.equal(join(path, '..'), join(jobs, `${host}-${process.pid}`));
  assert.ok(directory.startsWith(join(jobs, `${host}-${process.pid}`, 'scratch-')));
  assert.equal((await stat(join(path, '..'))).mode & 0o777, 0o700);
  assert.equal((await stat(directory)).mode & 0o777, 0o700);
});

test("a starting worker removes the folders of this host's processes that are gone, and only those", async () => {
  const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
  try {
    const gone = await leftoverFolder(`${host}-${await goneProcessId()}`);
    const running = await leftoverFolder(`${host}-${live.pid}`);
    const otherHost = await leftoverFolder(`another-host-${await goneProcessId()}`);
    await jobScratchDirectory();

    assert.equal(await sweepOrphanedJobFiles(), 1);

    const left = await readdir(jobs);
    assert.ok(!left.includes(gone.split('/').at(-1) as string), 'the gone process’s files are removed');
    for (const kept of [running, otherHost, join(jobs, `${host}-${process.pid}`)]) {
      assert.ok(left.includes(kept.split('/').at(-1) as string), `${kept} is kept`);
    }
  } finally {
    live.kill();
  }
});
