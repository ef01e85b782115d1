import type { Client } from 'minio';

/** S3 refuses more parts than this in one multipart upload. */
const MAX_PARTS = 10_000;

export interface UploadTarget {
  readonly client: Client;
  readonly bucket: string;
  readonly key: string;
  readonly contentType: string;
  /** Bytes per multipart part; a body smaller than one part goes up in a single PUT. */
  readonly partSize: number;
  /** Told when cleaning up after a failure fails too; the caller still gets the original error. */
  readonly onCleanupFailure: (error: unknown, what: string) => void;
}

/**
 * Streams chunks into one object while holding at most one part in memory.
 * minio's own putObject is not used for streams of unknown length: it would
 * buffer parts of hundreds of MiB, resume another writer's upload of the same
 * key, and leave parts behind on error. Here a failure aborts the multipart
 * upload, so S3 never shows the object and keeps no parts.
 */
export async function uploadObject(target: UploadTarget, chunks: AsyncIterable<Uint8Array>): Promise<void> {
  const { client, bucket, key, partSize } = target;
  const headers = { 'Content-Type': target.contentType };
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let uploadId: string | undefined;
  const parts: { part: number; etag: string }[] = [];

  const takePending = () => {
    const payload = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    return payload;
  };

  async function sendPart(): Promise<void> {
    if (parts.length === MAX_PARTS) {
      throw new Error(`The body of ${key} needs more than ${MAX_PARTS} parts of ${partSize} bytes; raise partSize`);
    }
    uploadId ??= await client.initiateNewMultipartUpload(bucket, key, headers);
    const part = parts.length + 1;
    const { etag } = await client.uploadPart(
      { bucketName: bucket, objectName: key, uploadID: uploadId, partNumber: part, headers: {} },
      takePending(),
    );
    parts.push({ part, etag });
  }

  try {
    for await (const chunk of chunks) {
      // Copied, because a producer may reuse its buffer for the next chunk.
      pending.push(Buffer.from(chunk));
      pendingBytes += chunk.byteLength;
      if (pendingBytes >= partSize) await sendPart();
    }
    if (uploadId === undefined) {
      const payload = takePending();
      await client.putObject(bucket, key, payload, payload.length, headers);
      return;
    }
    if (pendingBytes > 0) await sendPart();
    await client.completeMultipartUpload(bucket, key, uploadId, parts);
  } catch (error) {
    const started = uploadId;
    if (started !== undefined) {
      await client
        .abortMultipartUpload(bucket, key, started)
        .catch((abortError) => target.onCleanupFailure(abortError, `abort multipart upload ${started} of ${key}`));
    }
    throw error;
  }
}
