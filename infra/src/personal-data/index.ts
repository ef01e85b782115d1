export { isEncryptedField } from './field-encryption.ts';
export { createPersonalDataEventStore, type PersonalFieldsOf } from './personal-data-event-store.ts';
