/** S3 error codes (minio's S3Error.code) the adapter turns into port errors. */
function codeOf(error: unknown): string | undefined {
  return (error as { code?: unknown } | null)?.code as string | undefined;
}

/** GET answers NoSuchKey, HEAD (no body to carry a code) NotFound. */
export function isMissingObject(error: unknown): boolean {
  const code = codeOf(error);
  return code === 'NoSuchKey' || code === 'NotFound';
}

export function isUnsatisfiableRange(error: unknown): boolean {
  return codeOf(error) === 'InvalidRange';
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
