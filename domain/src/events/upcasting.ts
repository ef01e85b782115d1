import { DomainError } from '../kernel/errors.ts';
import type { JsonObject } from '../kernel/json.ts';
import { eventCatalogue, isDomainEventType } from './catalogue.ts';
import { type ChatOpenedV1, chatOpenedV1ToV2 } from './chat-opened.upcasters.ts';
import type { DomainEvent, DomainEventType } from './domain-event.ts';
import {
  type MaterialExtractedV1,
  type MaterialExtractionFailedV1,
  materialExtractedV1ToV2,
  materialExtractionFailedV1ToV2,
} from './material-extraction.upcasters.ts';
import { type MaterialUploadedV1, materialUploadedV1ToV2 } from './material-uploaded.upcasters.ts';

/** Lifts one event's data from schema version N to N + 1. */
type Upcaster = (data: JsonObject) => JsonObject;

/** Per event type, keyed by the version an upcaster reads. Stored events are never rewritten; they are read through this. */
export const upcasters: { readonly [Type in DomainEventType]?: Readonly<Record<number, Upcaster>> } = {
  MaterialUploaded: { 1: (data) => materialUploadedV1ToV2(data as unknown as MaterialUploadedV1) },
  MaterialExtracted: { 1: (data) => materialExtractedV1ToV2(data as unknown as MaterialExtractedV1) as JsonObject },
  MaterialExtractionFailed: {
    1: (data) => materialExtractionFailedV1ToV2(data as unknown as MaterialExtractionFailedV1) as JsonObject,
  },
  ChatOpened: { 1: (data) => chatOpenedV1ToV2(data as unknown as ChatOpenedV1) },
  // v1 chose one participant; an erased one reads as '' (nobody chosen).
  ChatParticipantChosen: {
    1: ({ participant, ...data }) => ({ ...data, participants: participant ? [participant] : [] }),
  },
  // v1 replies kept source ids only, and no closeness.
  ReplyGenerated: { 1: (data) => ({ ...data, sources: [], closeness: null }) },
  // v1 rejections did not keep what was measured.
  VoiceSampleRejected: { 1: (data) => ({ ...data, measured: null }) },
  // v1 samples always replaced the one in use once accepted.
  VoiceSampleSubmitted: { 1: (data) => ({ ...data, replacesActive: true }) },
};

export type UpcastResult = { readonly data: JsonObject; readonly schemaVersion: number };

export function upcastEvent(type: string, schemaVersion: number, data: JsonObject): UpcastResult {
  if (!isDomainEventType(type)) {
    throw new DomainError('BISHOP_ERR_UNSUPPORTED_EVENT', `Event type "${type}" is unknown to this version of Bishop`, {
      type,
    });
  }
  const current = eventCatalogue[type].schemaVersion;
  if (!Number.isSafeInteger(schemaVersion) || schemaVersion < 1 || schemaVersion > current) {
    throw new DomainError(
      'BISHOP_ERR_UNSUPPORTED_EVENT',
      `Event ${type} has schema version ${schemaVersion}, but this version of Bishop reads versions 1 to ${current}`,
      { type, schemaVersion },
    );
  }
  let upcast = data;
  for (let version = schemaVersion; version < current; version++) {
    const upcaster = upcasters[type]?.[version];
    if (upcaster === undefined) {
      throw new DomainError('BISHOP_ERR_UNSUPPORTED_EVENT', `No upcaster lifts ${type} from version ${version}`, {
        type,
        schemaVersion: version,
      });
    }
    upcast = upcaster(upcast);
  }
  return { data: upcast, schemaVersion: current };
}

/** A stored event as the deciders know it: upcast to the current shape. */
export function toDomainEvent(type: string, schemaVersion: number, data: JsonObject): DomainEvent {
  const upcast = upcastEvent(type, schemaVersion, data);
  return { type, data: upcast.data } as DomainEvent;
}
