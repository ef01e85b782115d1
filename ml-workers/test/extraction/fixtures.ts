import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ExtractionFailure, type ExtractionFailureCode } from '../../src/extraction/index.ts';

const root = new URL('../../../tests/fixtures/', import.meta.url);

/** A committed fixture from tests/fixtures (made by tests/fixtures/make-document-fixtures.sh). */
export function fixture(path: string): Buffer {
  return readFileSync(new URL(path, root));
}

/** Asserts the promise fails with an ExtractionFailure of this code, and a reason matching `reason`. */
export async function assertFailure(
  action: Promise<unknown> | (() => unknown),
  reasonCode: ExtractionFailureCode,
  reason: RegExp | string,
): Promise<void> {
  await assert.rejects(
    async () => (typeof action === 'function' ? action() : action),
    (error: unknown) => {
      assert.ok(error instanceof ExtractionFailure, `expected an ExtractionFailure, got ${String(error)}`);
      assert.equal(error.reasonCode, reasonCode, error.reason);
      if (typeof reason === 'string') assert.equal(error.reason, reason);
      else assert.match(error.reason, reason);
      return true;
    },
  );
}
