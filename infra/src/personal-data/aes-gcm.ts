import { createCipheriv, createDecipheriv, createSecretKey, type KeyObject, randomBytes } from 'node:crypto';

/** AES-256-GCM with a random 96-bit nonce: output is nonce ‖ ciphertext ‖ tag. */
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

// Importing raw key bytes costs more than encrypting a short field: keep one KeyObject per key.
const keyObjects = new WeakMap<Uint8Array, KeyObject>();
export function keyObjectOf(key: Uint8Array): KeyObject {
  let object = keyObjects.get(key);
  if (!object) {
    object = createSecretKey(key);
    keyObjects.set(key, object);
  }
  return object;
}

/**
 * Nonces are cut from a pool of random bytes filled a thousand at a time: one call into the
 * generator per value cost more than the encryption of a short value. Every nonce is still
 * fresh random bytes, each handed out once (the pool is replaced, never refilled in place,
 * so a nonce a caller still holds is never overwritten).
 */
const NONCES_PER_POOL = 1024;
let noncePool = Buffer.alloc(0);
let nonceOffset = 0;
function freshNonce(): Buffer {
  if (nonceOffset + NONCE_BYTES > noncePool.length) {
    noncePool = randomBytes(NONCE_BYTES * NONCES_PER_POOL);
    nonceOffset = 0;
  }
  const nonce = noncePool.subarray(nonceOffset, nonceOffset + NONCE_BYTES);
  nonceOffset += NONCE_BYTES;
  return nonce;
}

export function sealBytes(key: Uint8Array, plaintext: Uint8Array, associatedData: string): Buffer {
  const nonce = freshNonce();
  const cipher = createCipheriv('aes-256-gcm', keyObjectOf(key), nonce);
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  // GCM is a stream mode: update() returns the whole ciphertext and final() nothing; one copy into the output.
  const body = cipher.update(plaintext);
  const tail = cipher.final();
  const sealed = Buffer.allocUnsafe(NONCE_BYTES + body.length + tail.length + TAG_BYTES);
  nonce.copy(sealed, 0);
  body.copy(sealed, NONCE_BYTES);
  tail.copy(sealed, NONCE_BYTES + body.length);
  cipher.getAuthTag().copy(sealed, NONCE_BYTES + body.length + tail.length);
  return sealed;
}

/** Throws when the key is wrong or the data or its associated data were altered. */
export function openBytes(key: Uint8Array, sealed: Uint8Array, associatedData: string): Buffer {
  if (sealed.length < NONCE_BYTES + TAG_BYTES) throw new Error('sealed data is too short');
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  const decipher = createDecipheriv('aes-256-gcm', keyObjectOf(key), bytes.subarray(0, NONCE_BYTES));
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  const body = decipher.update(bytes.subarray(NONCE_BYTES, bytes.length - TAG_BYTES));
  const tail = decipher.final(); // checks the tag; empty for GCM
  return tail.length === 0 ? body : Buffer.concat([body, tail]);
}
