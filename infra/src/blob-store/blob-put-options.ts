import type { BlobPutOptions } from '@bishop/domain/ports';

export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

const MAX_CONTENT_TYPE_LENGTH = 255;
// type/subtype are RFC 9110 tokens; parameters may be any printable ASCII, so no CR/LF can reach a header or a file.
const CONTENT_TYPE = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+\/[!#$%&'*+.^_`|~0-9A-Za-z-]+(\s*;[\x20-\x7e]*)?$/;

export interface CheckedPutOptions {
  readonly contentType: string;
  readonly maxBytes: number | undefined;
}

/** Validates put options up front, so a bad call fails before any byte is read or stored. */
export function checkPutOptions(options: BlobPutOptions = {}): CheckedPutOptions {
  const { contentType = DEFAULT_CONTENT_TYPE, maxBytes } = options;
  if (
    typeof contentType !== 'string' ||
    contentType.length > MAX_CONTENT_TYPE_LENGTH ||
    !CONTENT_TYPE.test(contentType)
  ) {
    throw new TypeError(
      `Invalid content type ${JSON.stringify(contentType)}: expected "type/subtype" with optional "; parameters", printable ASCII, at most ${MAX_CONTENT_TYPE_LENGTH} characters`,
    );
  }
  if (maxBytes !== undefined && !(Number.isSafeInteger(maxBytes) && maxBytes >= 0)) {
    throw new RangeError(`maxBytes must be a non-negative integer, got ${maxBytes}`);
  }
  return { contentType, maxBytes };
}
