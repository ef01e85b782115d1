import { assertStorableEventData } from '@bishop/domain';
import type {
  EventStore,
  EventSubscription,
  JsonObject,
  KeyStore,
  NewEvent,
  RecordedEvent,
} from '@bishop/domain/ports';
import { decryptField, encryptField, erasedValue, isEncryptedField, withField } from './field-encryption.ts';

/** Which top-level data fields of an event type hold personal data. */
export type PersonalFieldsOf = (eventType: string) => readonly string[];

export interface PersonalDataCodec {
  /** Encrypts the personal fields of an event about to be written. */
  seal(event: NewEvent): Promise<NewEvent>;
  /** Decrypts them on an event read back (or delivered by the bus); erased fields come back empty and listed. */
  unseal(event: RecordedEvent): Promise<RecordedEvent>;
}

export function createPersonalDataCodec(keys: KeyStore, personalFieldsOf: PersonalFieldsOf): PersonalDataCodec {
  async function seal(event: NewEvent): Promise<NewEvent> {
    const fields = personalFieldsOf(event.type).filter((field) => field in event.data);
    if (fields.length === 0) return event;
    const subject = event.metadata.dataSubject;
    if (!subject) {
      throw new Error(`${event.type} carries personal data (${fields.join(', ')}) but names no data subject`);
    }
    const key = await keys.obtainDataKey(subject);
    let data: JsonObject = event.data;
    for (const field of fields) {
      data = withField(data, field, encryptField(key, subject, event.metadata.eventId, field, data[field] ?? null));
    }
    return { ...event, data };
  }

  async function unseal(event: RecordedEvent): Promise<RecordedEvent> {
    let data: JsonObject | undefined;
    const erased: string[] = [];
    for (const [field, value] of Object.entries(event.data)) {
      if (!isEncryptedField(value)) continue;
      data ??= { ...event.data };
      const key = await keys.findDataKey(value.subject);
      if (key) {
        data[field] = decryptField(key, event.metadata.eventId, field, value);
      } else {
        data[field] = erasedValue(value.kind);
        erased.push(field);
      }
    }
    if (!data) return event;
    const metadata = erased.length > 0 ? { ...event.metadata, erasedFields: erased } : event.metadata;
    return { ...event, data, metadata };
  }

  return { seal, unseal };
}

/**
 * Encrypts the personal fields of every event on the way in and decrypts them
 * on the way out, with the data key of the event's `metadata.dataSubject`.
 * Deciders and projections never see ciphertext. When a subject's key has
 * been destroyed, its fields read as empty and are listed in
 * `metadata.erasedFields` — that is crypto-shredding.
 */
export function createPersonalDataEventStore(
  inner: EventStore,
  keys: KeyStore,
  personalFieldsOf: PersonalFieldsOf,
): EventStore {
  const { seal, unseal } = createPersonalDataCodec(keys, personalFieldsOf);
  const unsealAll = (events: RecordedEvent[]) => Promise.all(events.map(unseal));

  return {
    async appendToStream(stream, events, options) {
      // Checked before sealing: the inner store sees only ciphertext in personal fields.
      for (const event of events) assertStorableEventData(event.type, event.data);
      return inner.appendToStream(stream, await Promise.all(events.map(seal)), options);
    },
    async readStream(stream, options) {
      return unsealAll(await inner.readStream(stream, options));
    },
    async readAll(options) {
      return unsealAll(await inner.readAll(options));
    },
    subscribeToAll(options) {
      const subscription = inner.subscribeToAll(options);
      return {
        async *[Symbol.asyncIterator]() {
          for await (const event of subscription) yield await unseal(event);
        },
        close: () => subscription.close(),
      } satisfies EventSubscription;
    },
    deleteStream: (stream, options) => inner.deleteStream(stream, options),
    headPosition: () => inner.headPosition(),
    close: () => inner.close(),
  };
}
