export { createColumnSealer } from './column-sealer.ts';
export { isEncryptedField } from './field-encryption.ts';
export {
  createPersonalDataCodec,
  createPersonalDataEventStore,
  type PersonalDataCodec,
  type PersonalFieldsOf,
} from './personal-data-event-store.ts';
export { blobSubjectOf, createSealedBlobStore, sealLegacyBlobs } from './sealed-blob-store.ts';
