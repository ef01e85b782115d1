import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Directory of the schema files: the API's contract, documented field by field. */
export const schemaDirectory = fileURLToPath(new URL('./schema/', import.meta.url));

/** All `.graphql` files, concatenated in name order (root types first). */
export function loadSchemaSource(): string {
  const files = readdirSync(schemaDirectory)
    .filter((name) => name.endsWith('.graphql'))
    .sort((a, b) => (a === 'root.graphql' ? -1 : b === 'root.graphql' ? 1 : a.localeCompare(b)));
  return files.map((name) => readFileSync(join(schemaDirectory, name), 'utf8')).join('\n');
}
