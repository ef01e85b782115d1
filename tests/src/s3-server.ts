/**
 * An S3-compatible server for tests: s3rver on a free loopback port, keeping
 * its data in a fresh temp directory. Speaks S3 over HTTP, so adapters talk to
 * it exactly as to MinIO. Known gaps: it can neither list nor abort multipart
 * uploads, a listing stops at its first page of 1000 keys (its continuation
 * token uses a cipher OpenSSL 3 no longer offers), and a range ending at byte 0
 * (`bytes=0-0`) is served as the whole object.
 */
import { createRequire } from 'node:module';
import { temporaryDirectory } from './test-env.ts';

/** The slice of s3rver's API used here; s3rver ships no type declarations. */
interface S3rverInstance {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
}
type S3rverConstructor = new (options: {
  address: string;
  port: number;
  directory: string;
  silent: boolean;
}) => S3rverInstance;

const S3rver = createRequire(import.meta.url)('s3rver') as S3rverConstructor;

export interface S3TestServer {
  /** Connection settings in the shape the minio client (and createS3BlobStore) take. */
  readonly endPoint: string;
  readonly port: number;
  readonly useSSL: false;
  readonly accessKey: string;
  readonly secretKey: string;
  /** Where s3rver keeps buckets and objects. */
  readonly directory: string;
  stop(): Promise<void>;
}

export async function startS3Server(): Promise<S3TestServer> {
  const dir = await temporaryDirectory('s3');
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory: dir.path, silent: true });
  const { address, port } = await server.run();
  return {
    endPoint: address,
    port,
    useSSL: false,
    // s3rver checks signatures against these fixed credentials.
    accessKey: 'S3RVER',
    secretKey: 'S3RVER',
    directory: dir.path,
    async stop() {
      await server.close();
      await dir.remove();
    },
  };
}
