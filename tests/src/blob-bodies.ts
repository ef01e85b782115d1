/** Bodies for blob tests: streamed the way uploads arrive, with hashes to check what was stored. */
import { createHash, randomBytes } from 'node:crypto';

const CHUNK = 64 * 1024;

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function readAll(body: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

export async function* streamOf(bytes: Uint8Array, chunkSize: number): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += chunkSize) yield bytes.slice(offset, offset + chunkSize);
}

/** Random bytes produced chunk by chunk, as an upload arrives; the hash of what was produced, for checking. */
export function generatedBody(totalBytes: number): { chunks: AsyncIterable<Uint8Array>; sha256(): string } {
  const hash = createHash('sha256');
  let digest: string | undefined;
  async function* chunks() {
    for (let sent = 0; sent < totalBytes; sent += CHUNK) {
      const chunk = randomBytes(Math.min(CHUNK, totalBytes - sent));
      hash.update(chunk);
      yield chunk;
    }
  }
  return { chunks: chunks(), sha256: () => (digest ??= hash.digest('hex')) };
}

export async function* failingBody(bytesBeforeFailure: number, failure: Error): AsyncGenerator<Uint8Array> {
  yield* generatedBody(bytesBeforeFailure).chunks;
  throw failure;
}
