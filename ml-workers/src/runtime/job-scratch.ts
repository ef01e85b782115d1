import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Where jobs put the files tools need on disk (a decrypted recording for ffmpeg, a chat's spilled messages,
 * a dub being encoded): one private folder per worker process, `<tmp>/bishop-jobs/<host>-<pid>`. Each job
 * removes its own files; a process killed mid-job (SIGKILL, out of memory) cannot, and its folder would keep
 * a user's words and voice readable — so a worker starting sweeps the folders of processes that are gone.
 */
const root = () => join(tmpdir(), 'bishop-jobs');
const host = () => hostname().replaceAll(/[^\w.-]/g, '_');
const folderOf = (pid: number) => `${host()}-${pid}`;

let own: Promise<string> | undefined;

/** This process's private folder for job files (created 0700 on first use). */
export function jobScratchRoot(): Promise<string> {
  own ??= (async () => {
    await mkdir(root(), { recursive: true, mode: 0o700 });
    const directory = join(root(), folderOf(process.pid));
    await mkdir(directory, { recursive: true, mode: 0o700 });
    return directory;
  })().catch((error: unknown) => {
    own = undefined;
    throw error;
  });
  return own;
}

/** A path for one job file in this process's folder; the caller removes it. */
export async function jobFilePath(name: string): Promise<string> {
  return join(await jobScratchRoot(), name);
}

/** A fresh private folder for one job (removed by the caller, whatever happens). */
export async function jobScratchDirectory(prefix = 'scratch-'): Promise<string> {
  return mkdtemp(join(await jobScratchRoot(), prefix));
}

/**
 * Removes the job folders of this host's worker processes that no longer run, and returns how many. Folders of
 * live processes (other workers on this host) and of other hosts sharing the temporary folder are left alone.
 */
export async function sweepOrphanedJobFiles(): Promise<number> {
  const entries = await readdir(root(), { withFileTypes: true }).catch(() => []);
  let removed = 0;
  const ours = `${host()}-`;
  for (const entry of entries) {
    const pid = entry.name.startsWith(ours) ? Number(entry.name.slice(ours.length)) : Number.NaN;
    if (!entry.isDirectory() || !Number.isInteger(pid) || pid <= 0) continue;
    if (pid === process.pid || isRunning(pid)) continue;
    await rm(join(root(), entry.name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
