import type { BlobStore } from '@bishop/domain/ports';
import { createFsBlobStore, createS3BlobStore } from '../blob-store/index.ts';
import type { BishopConfig } from '../config/config.ts';
import { sealLegacyBlobs } from '../personal-data/sealed-blob-store.ts';

/** The configured BlobStore: a directory (embedded) or any S3-compatible service (MinIO). */
export async function openBlobStore(
  config: BishopConfig,
  options: { readonly soleWriter?: boolean } = {},
): Promise<BlobStore> {
  if (config.blobStore === 'fs') {
    const store = await createFsBlobStore({ root: config.blobDir });
    // Puts interrupted by a crash (a killed upload) leave temp files: a sole writer (`bishop start`) sweeps
    // them all; where other processes may be writing, only those older than an hour.
    await store.cleanupTemporaryFiles(options.soleWriter ? { olderThanMs: 0 } : {});
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

const SEALED_MARKER = 'bishop/upgrades/sealed-blobs-v1';

/**
 * The upgrade to sealed blobs, once per store: blobs an earlier version wrote in
 * plaintext are sealed in place (see sealLegacyBlobs), then a marker blob says so.
 */
export async function sealBlobsOfEarlierVersions(stored: BlobStore, sealed: BlobStore): Promise<void> {
  if (await stored.stat(SEALED_MARKER)) return;
  await sealLegacyBlobs(stored, sealed);
  await stored.put(SEALED_MARKER, new TextEncoder().encode(new Date().toISOString()));
}
