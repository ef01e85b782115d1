// Office's "Compound File Binary" container (OLE2): a password-protected .docx is
// one holding the streams EncryptionInfo and EncryptedPackage instead of a ZIP.
const DIRECTORY_ENTRY_BYTES = 128;
const NAME_FIELD_BYTES = 64;
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage\u0000', 'utf16le');

/**
 * Whether the compound file has an "EncryptedPackage" stream. Directory entries
 * start on 128-byte boundaries (sectors are multiples of 128 bytes and follow a
 * one-sector header), so the name is checked only there, where a stream name can
 * be, never inside document text that happens to spell it.
 */
export function isEncryptedOfficeFile(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = buffer.indexOf(ENCRYPTED_PACKAGE); at !== -1; at = buffer.indexOf(ENCRYPTED_PACKAGE, at + 1)) {
    const nameLength = at + NAME_FIELD_BYTES + 2 <= buffer.length ? buffer.readUInt16LE(at + NAME_FIELD_BYTES) : 0;
    if (at % DIRECTORY_ENTRY_BYTES === 0 && nameLength === ENCRYPTED_PACKAGE.length) return true;
  }
  return false;
}
