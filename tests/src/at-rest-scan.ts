import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Which secrets show, byte for byte (UTF-8), in any file under the
 * directories: a database's heap files and WAL, an embedded data directory, an
 * S3 server's storage. Returns `"<secret name> in <file>"` per finding. grep
 * finds the candidate files fast; files that vanish meanwhile (a live server) are skipped.
 */
export async function findBytes(
  directories: readonly string[],
  secrets: Readonly<Record<string, string>>,
): Promise<string[]> {
  const patterns = Object.values(secrets).flatMap((secret) => ['-e', secret]);
  const { stdout } = await run('grep', ['-rlaF', ...patterns, ...directories], {
    maxBuffer: 64 * 1024 * 1024,
    encoding: 'latin1',
  }).catch((error: { stdout?: string; code?: number }) => {
    // 1: nothing found; 2: a file vanished or could not be read (a live server), with the rest scanned.
    if (error.code === 1 || error.code === 2) return { stdout: error.stdout ?? '' };
    throw error;
  });
  const found: string[] = [];
  for (const path of stdout.split('\n').filter(Boolean)) {
    const bytes = await readFile(path).catch(() => null);
    if (!bytes) continue;
    for (const [what, secret] of Object.entries(secrets)) {
      if (bytes.includes(secret)) found.push(`${what} in ${path}`);
    }
  }
  return found;
}

/** Which secrets show in a plain-text `pg_dump` of the schemas (what a backup would hold). */
export async function findInDump(
  databaseUrl: string,
  schemas: readonly string[],
  secrets: Readonly<Record<string, string>>,
): Promise<string[]> {
  const { stdout } = await run('pg_dump', ['--dbname', databaseUrl, ...schemas.flatMap((s) => ['-n', s])], {
    maxBuffer: 512 * 1024 * 1024,
  });
  return Object.entries(secrets)
    .filter(([, secret]) => stdout.includes(secret))
    .map(([what]) => `${what} in pg_dump`);
}
