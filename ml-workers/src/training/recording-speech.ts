import type { JsonObject } from '@bishop/domain';
import type { MaterialPart } from './assemble-corpus.ts';

/** Per recording of the run: how much speech training used, and how much it left out as another voice's. */
export function recordingSpeech(parts: readonly MaterialPart[], voiceSampleId: string | null): JsonObject[] {
  return parts.flatMap(({ material, work }) =>
    work.speech
      ? [
          {
            materialId: material.materialId,
            taggedWith: work.speech.taggedWith,
            // Tagged against the sample the avatar has now (false: untagged, or an older sample's tags).
            current: voiceSampleId !== null && work.speech.taggedWith === voiceSampleId,
            usedSpeechSec: work.speech.usedSec,
            droppedSpeechSec: work.speech.droppedSec,
            droppedSegments: work.speech.droppedSegments,
          },
        ]
      : [],
  );
}

/** Said plainly when a recording's speech was used without being checked against the current voice sample. */
export function untaggedNotes(parts: readonly MaterialPart[], voiceSampleId: string | null): string[] {
  if (voiceSampleId === null) return [];
  const stale = parts.filter(({ work }) => work.speech && work.speech.taggedWith !== voiceSampleId).length;
  if (stale === 0) return [];
  return [
    `${stale} recording(s) were not yet tagged against the current voice sample, so all of their speech was used, other voices included; train again once tagging is done`,
  ];
}
