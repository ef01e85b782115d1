import type { MaterialExtracted, MaterialExtractionFailed } from '../avatar/avatar.events.ts';

/** As stored before chat facts, decoded media and notes existed (schema version 1). */
export type MaterialExtractedV1 = Omit<MaterialExtracted['data'], 'chat' | 'media' | 'notes'>;
export type MaterialExtractedV2 = MaterialExtracted['data'];
export type MaterialExtractionFailedV1 = Omit<MaterialExtractionFailed['data'], 'media'>;
export type MaterialExtractionFailedV2 = MaterialExtractionFailed['data'];

/** v1 extractions knew none of the facts: they read as unknown, never as invented values. */
export function materialExtractedV1ToV2(data: MaterialExtractedV1 | MaterialExtractedV2): MaterialExtractedV2 {
  if ('notes' in data) return data;
  return { ...data, chat: null, media: null, notes: [] };
}

export function materialExtractionFailedV1ToV2(
  data: MaterialExtractionFailedV1 | MaterialExtractionFailedV2,
): MaterialExtractionFailedV2 {
  if ('media' in data) return data;
  return { ...data, media: null };
}
