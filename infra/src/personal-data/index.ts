export { isEncryptedField } from './field-encryption.ts';
export {
  createPersonalDataCodec,
  createPersonalDataEventStore,
  type PersonalDataCodec,
  type PersonalFieldsOf,
} from './personal-data-event-store.ts';
