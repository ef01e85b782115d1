import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The PostgreSQL server tests use (CI starts one on 127.0.0.1:5432 with trust auth). */
export const testDatabaseUrl = process.env.BISHOP_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh schema name so test runs never see each other's tables. */
export function uniqueSchema(label: string): string {
  return `${label}_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
}

export async function temporaryDirectory(label: string): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), `bishop-${label}-`));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}
