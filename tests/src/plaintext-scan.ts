import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type pg from 'pg';

/**
 * Where each secret still shows in plaintext: any row of any table in the given
 * PostgreSQL schemas (the event store, bus, key and auth stores, read models)
 * and any file under the given directories (blob store, embedded data), as
 * UTF-8 or UTF-16. Returns `"<secret name> in <place>"` per finding.
 */
export async function findPlaintext(
  database: pg.Client,
  places: { readonly schemas: readonly string[]; readonly directories: readonly string[] },
  secrets: Readonly<Record<string, string>>,
): Promise<string[]> {
  const found: string[] = [];
  const { rows: tables } = await database.query(
    `SELECT table_schema, table_name FROM information_schema.tables
     WHERE table_schema = ANY($1) AND table_type = 'BASE TABLE'`,
    [places.schemas],
  );
  if (tables.length === 0) throw new Error(`no tables in ${places.schemas.join(', ')}: the scan would prove nothing`);
  for (const { table_schema, table_name } of tables) {
    const table = `"${table_schema}"."${table_name}"`;
    for (const [what, secret] of Object.entries(secrets)) {
      const { rows } = await database.query(`SELECT count(*)::int AS n FROM ${table} AS t WHERE t::text ILIKE $1`, [
        `%${secret}%`,
      ]);
      if (rows[0].n > 0) found.push(`${what} in ${table}`);
    }
  }
  for (const directory of places.directories) {
    const files = await readdir(directory, { recursive: true, withFileTypes: true });
    for (const file of files.filter((entry) => entry.isFile())) {
      const path = join(file.parentPath, file.name);
      const bytes = await readFile(path);
      for (const [what, secret] of Object.entries(secrets)) {
        if (bytes.includes(secret) || bytes.includes(Buffer.from(secret, 'utf16le'))) found.push(`${what} in ${path}`);
      }
    }
  }
  return found;
}
