import { createHash } from 'node:crypto';
import type { EventMetadata, JsonObject } from '@bishop/domain/ports';
import canonicalize from 'canonicalize';

/** What a link of the chain covers: the event as stored (personal fields still sealed). */
export interface ChainedContent {
  readonly streamName: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: EventMetadata;
}

/**
 * sha256 over the previous link and the event in RFC 8785 canonical JSON, so
 * the hash does not depend on how a store orders keys or spaces JSON. It covers
 * the sealed form: the chain still verifies after a data key is destroyed.
 * Metadata that readers add (`erasedFields`) and the hash itself are left out.
 */
export function chainHashOf(previousHash: string | null, event: ChainedContent): string {
  const { chainHash: _hash, erasedFields: _erased, ...metadata } = event.metadata;
  const canonical = canonicalize({
    previous: previousHash,
    stream: event.streamName,
    type: event.type,
    data: event.data,
    metadata,
  });
  return createHash('sha256')
    .update(canonical ?? '')
    .digest('hex');
}
