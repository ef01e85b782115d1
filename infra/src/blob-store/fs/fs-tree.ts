import type { Dirent } from 'node:fs';
import { open, readdir, rmdir } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

export interface WalkedDirectory {
  readonly path: string;
  readonly entries: readonly Dirent[];
}

/**
 * Every directory under `start` (itself first), depth first. Directories that
 * vanish mid-walk (a concurrent delete) are skipped, not errors.
 */
export async function* walkDirectories(start: string): AsyncGenerator<WalkedDirectory> {
  let entries: Dirent[];
  try {
    entries = await readdir(start, { withFileTypes: true });
  } catch (error) {
    if (isMissing(error)) return;
    throw error;
  }
  yield { path: start, entries };
  for (const entry of entries) {
    if (entry.isDirectory()) yield* walkDirectories(join(start, entry.name));
  }
}

/** Removes empty directories under and including `start`, then its emptied ancestors up to (not including) `root`. */
export async function removeEmptyDirectories(start: string, root: string): Promise<void> {
  const entries = await readdir(start, { withFileTypes: true }).catch((error) => {
    if (isMissing(error)) return [];
    throw error;
  });
  for (const entry of entries) {
    if (entry.isDirectory()) await removeEmptyDirectories(join(start, entry.name), start);
  }
  for (let dir = start; isInside(dir, root); dir = dirname(dir)) {
    if (!(await removeIfEmpty(dir))) return;
  }
}

/**
 * Makes a rename into `dir` durable, and with it the directories mkdir made on
 * the way (`firstCreated` is what `mkdir -p` returned): each parent that gained an entry is fsynced.
 */
export async function syncCreatedPath(dir: string, firstCreated: string | undefined): Promise<void> {
  const top = firstCreated ? dirname(firstCreated) : dir;
  for (let current = dir; ; current = dirname(current)) {
    await syncDirectory(current);
    if (!isInside(current, top)) return;
  }
}

/** fsync on a directory makes the entries created or renamed in it durable. */
async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..';
}

export function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

async function removeIfEmpty(dir: string): Promise<boolean> {
  try {
    await rmdir(dir);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST') return false;
    if (isMissing(error)) return true;
    throw error;
  }
}
