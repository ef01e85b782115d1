import type { BlobStore } from '@bishop/domain/ports';
import { createFsBlobStore, createS3BlobStore } from '../blob-store/index.ts';
import type { BishopConfig } from '../config/config.ts';

/** The configured BlobStore: a directory (embedded) or any S3-compatible service (MinIO). */
export async function openBlobStore(config: BishopConfig): Promise<BlobStore> {
  if (config.blobStore === 'fs') {
    const store = await createFsBlobStore({ root: config.blobDir });
    // Puts interrupted by a crash leave temp files; sweep those older than an hour.
    await store.cleanupTemporaryFiles();
    return store;
  }
  const endpoint = new URL(config.s3.endpoint as string);
  return createS3BlobStore({
    endPoint: endpoint.hostname,
    port: Number(endpoint.port || (endpoint.protocol === 'https:' ? 443 : 80)),
    useSSL: endpoint.protocol === 'https:',
    accessKey: config.s3.accessKey as string,
    secretKey: config.s3.secretKey as string,
    bucket: config.s3.bucket,
    region: config.s3.region,
  });
}
