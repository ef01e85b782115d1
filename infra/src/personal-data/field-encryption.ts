import type { JsonObject, JsonValue } from '@bishop/domain/ports';
import { openBytes, sealBytes } from './aes-gcm.ts';

/** How an encrypted field looks inside stored event data. */
export interface EncryptedField {
  readonly $bishopEncrypted: 1;
  /** The data subject whose key sealed it (e.g. `avatar-<id>`). */
  readonly subject: string;
  /** JSON type of the plaintext, so an erased field can keep its shape. */
  readonly kind: 'string' | 'number' | 'boolean' | 'array' | 'object' | 'null';
  readonly sealed: string;
}

export function isEncryptedField(value: unknown): value is EncryptedField {
  return typeof value === 'object' && value !== null && (value as EncryptedField).$bishopEncrypted === 1;
}

/** The associated data binds a ciphertext to its event and field: it cannot be moved elsewhere. */
function associatedData(subject: string, eventId: string, field: string): string {
  return `${subject}\n${eventId}\n${field}`;
}

export function encryptField(key: Uint8Array, subject: string, eventId: string, field: string, value: JsonValue) {
  const sealed = sealBytes(key, Buffer.from(JSON.stringify(value), 'utf8'), associatedData(subject, eventId, field));
  return {
    $bishopEncrypted: 1,
    subject,
    kind: kindOf(value),
    sealed: sealed.toString('base64'),
  } satisfies EncryptedField;
}

export function decryptField(key: Uint8Array, eventId: string, field: string, encrypted: EncryptedField): JsonValue {
  const plain = openBytes(
    key,
    Buffer.from(encrypted.sealed, 'base64'),
    associatedData(encrypted.subject, eventId, field),
  );
  return JSON.parse(plain.toString('utf8')) as JsonValue;
}

/** What an erased field reads as: empty, but of the type readers expect. */
export function erasedValue(kind: EncryptedField['kind']): JsonValue {
  const empties: Record<EncryptedField['kind'], JsonValue> = {
    string: '',
    number: 0,
    boolean: false,
    array: [],
    object: {},
    null: null,
  };
  return empties[kind];
}

function kindOf(value: JsonValue): EncryptedField['kind'] {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as 'string' | 'number' | 'boolean' | 'object';
}

export function withField(data: JsonObject, field: string, value: JsonValue): JsonObject {
  return { ...data, [field]: value };
}
