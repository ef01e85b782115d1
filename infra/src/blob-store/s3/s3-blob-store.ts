import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { BlobNotFoundError, type BlobStore } from '@bishop/domain/ports';
import { type BucketItemStat, Client } from 'minio';
import { assertBlobKey } from '../blob-key.ts';
import { checkPutOptions, DEFAULT_CONTENT_TYPE } from '../blob-put-options.ts';
import { resolveByteRange } from '../byte-range.ts';
import { meterBody } from '../metered-body.ts';
import { describeError, isMissingObject, isUnsatisfiableRange } from './s3-errors.ts';
import { uploadObject } from './s3-upload.ts';

const MIB = 1024 * 1024;
const DEFAULT_PART_SIZE = 8 * MIB;
/** S3's limits for a part that is not the last. */
const MIN_PART_SIZE = 5 * MIB;
const MAX_PART_SIZE = 5 * 1024 * MIB;
/** S3 deletes at most this many keys per DeleteObjects request. */
const DELETE_BATCH = 1000;

export interface S3BlobStoreOptions {
  readonly endPoint: string;
  readonly port?: number;
  readonly useSSL: boolean;
  readonly accessKey: string;
  readonly secretKey: string;
  /** Created on start when missing. */
  readonly bucket: string;
  readonly region?: string;
  /** Bytes per multipart part (5 MiB to 5 GiB; default 8 MiB): the memory one put holds. */
  readonly partSize?: number;
  /** Told when cleanup after a failed put fails as well (the put still rejects with its own error); default: a process warning. */
  readonly onCleanupFailure?: (error: unknown, what: string) => void;
}

/**
 * BlobStore on MinIO or any S3 through the `minio` client. The content type is
 * the object's Content-Type; the SHA-256 is an object tag (`sha256`), because a
 * multipart upload learns the hash only after its last part and S3 metadata
 * cannot change afterwards without copying the whole object.
 */
export async function createS3BlobStore(options: S3BlobStoreOptions): Promise<BlobStore> {
  const { bucket } = options;
  const partSize = options.partSize ?? DEFAULT_PART_SIZE;
  if (!Number.isSafeInteger(partSize) || partSize < MIN_PART_SIZE || partSize > MAX_PART_SIZE) {
    throw new RangeError(
      `partSize must be an integer from ${MIN_PART_SIZE} to ${MAX_PART_SIZE} bytes, got ${partSize}`,
    );
  }
  const onCleanupFailure =
    options.onCleanupFailure ??
    ((error: unknown, what: string) => process.emitWarning(`BlobStore could not ${what}: ${describeError(error)}`));
  // An agent of our own, so close() can release its sockets.
  const agent = options.useSSL ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
  const client = new Client({
    endPoint: options.endPoint,
    ...(options.port !== undefined && { port: options.port }),
    useSSL: options.useSSL,
    accessKey: options.accessKey,
    secretKey: options.secretKey,
    ...(options.region !== undefined && { region: options.region }),
    // Same part size for minio, so it sends any body we hand it whole in one PUT.
    partSize,
    transportAgent: agent,
  });
  await ensureBucket(client, bucket, options.region);

  async function statObject(key: string): Promise<BucketItemStat | null> {
    return client.statObject(bucket, key).catch((error) => {
      if (isMissingObject(error)) return null;
      throw error;
    });
  }

  async function* keysUnder(prefix: string) {
    assertBlobKey(prefix);
    for await (const item of client.listObjectsV2(bucket, `${prefix}/`, true)) {
      if (item.name !== undefined) yield { key: item.name, size: item.size };
    }
  }

  async function removeBatch(keys: string[]): Promise<void> {
    const failures = (await client.removeObjects(bucket, keys)).flatMap((result) =>
      result?.Error ? [result.Error] : [],
    );
    const [first] = failures;
    if (first) {
      throw new Error(`Could not delete ${failures.length} blob(s), e.g. ${first.Key}: ${first.Code} ${first.Message}`);
    }
  }

  return {
    async put(key, body, putOptions) {
      assertBlobKey(key);
      const { contentType, maxBytes } = checkPutOptions(putOptions);
      const metered = meterBody(body, maxBytes);
      await uploadObject({ client, bucket, key, contentType, partSize, onCleanupFailure }, metered.chunks);
      const { size, sha256 } = metered.result();
      try {
        await client.setObjectTagging(bucket, key, { sha256 });
      } catch (error) {
        await client.removeObject(bucket, key).catch((removeError) => onCleanupFailure(removeError, `remove ${key}`));
        throw error;
      }
      return { key, size, sha256, contentType };
    },

    async get(key, getOptions) {
      assertBlobKey(key);
      const info = await statObject(key);
      if (!info) throw new BlobNotFoundError(key);
      const { size } = info;
      const contentType = contentTypeOf(info);
      const range = getOptions?.range && resolveByteRange(getOptions.range, size);
      try {
        if (!range) return { body: await client.getObject(bucket, key), size, contentType };
        const body = await client.getPartialObject(bucket, key, range.start, range.end - range.start + 1);
        return { body, size, contentType, range };
      } catch (error) {
        // Only when the object changed between the stat and the read.
        if (isMissingObject(error)) throw new BlobNotFoundError(key);
        if (isUnsatisfiableRange(error)) {
          throw new RangeError(
            `Range ${range?.start}-${range?.end} no longer fits ${key}: it was replaced while being read`,
          );
        }
        throw error;
      }
    },

    async stat(key) {
      assertBlobKey(key);
      const info = await statObject(key);
      return info && { size: info.size, contentType: contentTypeOf(info) };
    },

    async delete(key) {
      assertBlobKey(key);
      // S3 answers a delete of a missing key with success, which is the idempotence the port asks for.
      await client.removeObject(bucket, key);
    },

    async deletePrefix(prefix) {
      let deleted = 0;
      let batch: string[] = [];
      // Listing continues from the last key seen, so deleting what was listed does not disturb it.
      for await (const { key } of keysUnder(prefix)) {
        batch.push(key);
        if (batch.length < DELETE_BATCH) continue;
        await removeBatch(batch);
        deleted += batch.length;
        batch = [];
      }
      if (batch.length > 0) await removeBatch(batch);
      return deleted + batch.length;
    },

    list: keysUnder,

    async close() {
      agent.destroy();
    },
  };
}

function contentTypeOf(info: BucketItemStat): string {
  const value = info.metaData['content-type'];
  return typeof value === 'string' && value !== '' ? value : DEFAULT_CONTENT_TYPE;
}

/** Creates the bucket unless it exists; a second process creating it at the same moment is fine. */
async function ensureBucket(client: Client, bucket: string, region: string | undefined): Promise<void> {
  if (await client.bucketExists(bucket)) return;
  try {
    await client.makeBucket(bucket, region);
  } catch (error) {
    if (!(await client.bucketExists(bucket))) throw error;
  }
}
