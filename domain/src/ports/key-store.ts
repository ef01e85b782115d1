/**
 * KeyStore port: one 256-bit data key per data subject (an avatar, a user).
 * Personal fields inside events are encrypted with that key; destroying the
 * key is how Bishop forgets (crypto-shredding): ciphertext without its key
 * is noise, so replaying events cannot bring erased data back.
 */
export interface KeyStore {
  /** The subject's key, created on first use. Throws DataKeyDestroyedError if it was destroyed. */
  obtainDataKey(subject: string): Promise<Uint8Array>;
  /** The subject's key, or `null` when it never existed or was destroyed. */
  findDataKey(subject: string): Promise<Uint8Array | null>;
  /** Irreversibly forgets the key; later `obtainDataKey` calls fail. Idempotent. */
  destroyDataKey(subject: string): Promise<void>;
  close(): Promise<void>;
}

export class DataKeyDestroyedError extends Error {
  override readonly name = 'DataKeyDestroyedError';
  readonly subject: string;
  constructor(subject: string) {
    super(`The data key of ${subject} was destroyed: its personal data is erased and cannot be written again`);
    this.subject = subject;
  }
}
