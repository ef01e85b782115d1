import { DomainError } from '@bishop/domain';
import { formatBytes } from './store-upload.ts';

/**
 * How large one more file may be, given what the user has left: the file limit, or the remaining quota
 * (then saying "does not fit in your storage limit" rather than "too large"). Refuses when nothing is left.
 */
export function sizeAllowed(
  limits: { readonly maxFileBytes: number; readonly maxUserBytes: number },
  remaining: number,
  fileName: string,
): { maxBytes: number; tooLarge?: () => DomainError } {
  const quotaExceeded = () =>
    new DomainError(
      'BISHOP_ERR_QUOTA_EXCEEDED',
      `"${fileName}" does not fit in your storage limit of ${formatBytes(limits.maxUserBytes)}`,
      { fileName, maxBytes: limits.maxUserBytes },
    );
  if (remaining <= 0) throw quotaExceeded();
  return {
    maxBytes: Math.min(limits.maxFileBytes, remaining),
    ...(remaining < limits.maxFileBytes ? { tooLarge: quotaExceeded } : {}),
  };
}
