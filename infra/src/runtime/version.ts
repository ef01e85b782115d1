import { readFileSync } from 'node:fs';

/** The version in the root package.json, shown by /healthz and `bishop --version`. */
export const bishopVersion: string = JSON.parse(
  readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
).version;
