import { hkdfSync } from 'node:crypto';

/**
 * Keys for different purposes derived from the one master key (HKDF-SHA256),
 * so an operator manages one secret and every gateway process agrees on them.
 */
export function deriveKey(masterKey: Uint8Array, purpose: 'access-tokens' | 'media-urls' | 'chain-heads'): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', masterKey, 'bishop', `bishop/${purpose}`, 32));
}
