import { extractedChatBlobKey, type TranscriptDocument, type TranscriptSegment } from '@bishop/domain';
import { BlobNotFoundError, type BlobStore } from '@bishop/domain/ports';
import {
  asOnePerson,
  type ChatExport,
  dialoguePairs,
  ExtractionFailure,
  personWords,
  readStoredChat,
} from '../extraction/index.ts';
import { PermanentJobError } from '../runtime/index.ts';
import { readBlob, withScratchDirectory } from '../workers/blob-files.ts';
import type { WordsUnit } from './passages.ts';
import type { RunMaterial } from './training-run.ts';
import type { TrainingSettings } from './training-settings.ts';

/** The person's own words in one material, and the dialogue pairs it holds. */
export interface MaterialWords {
  readonly units: readonly WordsUnit[];
  /** How units may be merged into passages: documents and recordings flow, chat turns stand alone. */
  readonly flow: 'document' | 'recording' | 'chat';
  readonly pairs: readonly { readonly prompt: string; readonly reply: string }[];
  /** Recordings: how much speech was used and left out (another voice); null for other kinds. */
  readonly speech: RecordingSpeech | null;
}

export interface RecordingSpeech {
  /** The voice sample the recording's segments were tagged against; null: untagged, all speech used. */
  readonly taggedWith: string | null;
  readonly usedSec: number;
  readonly droppedSec: number;
  readonly droppedSegments: number;
}

/** Reads what extraction stored for the material and keeps only what the person said or wrote. */
export async function materialWords(
  blobs: BlobStore,
  avatarId: string,
  material: RunMaterial,
  settings: TrainingSettings,
): Promise<MaterialWords> {
  const { extraction } = material;
  try {
    if (material.kind === 'chatExport') {
      const key = extractedChatBlobKey(avatarId, material.materialId);
      // The chat streams from its blob; its messages pass through a scratch file, removed with the person's words.
      return await withScratchDirectory(async (spillDir) => {
        const chat = await readStoredChat(async function* () {
          yield* (await blobs.get(key)).body;
        }, spillDir);
        return chatWords(chat, material, settings);
      });
    }
    const tags = material.speakers?.status === 'tagged' ? material.speakers : null;
    const segmentsBlobKey = tags?.segmentsBlobKey ?? extraction.segmentsBlobKey;
    if (segmentsBlobKey !== null) {
      const document = JSON.parse(await readText(blobs, segmentsBlobKey)) as TranscriptDocument;
      const timed = document.segments.some((segment) => segment.startSec !== null);
      if (timed) return recordingWords(document.segments, tags?.sampleId ?? null);
    }
    const text = await readText(blobs, extraction.textBlobKey);
    return { units: paragraphsOf(text), flow: 'document', pairs: [], speech: null };
  } catch (error) {
    const damaged = error instanceof ExtractionFailure && error.reasonCode === 'DOCUMENT_DAMAGED';
    if (error instanceof BlobNotFoundError || error instanceof SyntaxError || damaged) {
      throw new PermanentJobError(
        {
          reasonCode: 'MATERIAL_UNREADABLE',
          reason: `The extracted text of "${material.fileName}" is missing or damaged; remove the material and upload it again`,
        },
        { cause: error },
      );
    }
    throw error;
  }
}

function chatWords(chat: ChatExport, material: RunMaterial, settings: TrainingSettings): MaterialWords {
  const names = material.participants;
  if (names.length === 0 || !names.every((name) => chat.participants.some((p) => p.name === name))) {
    throw new PermanentJobError({
      reasonCode: 'PARTICIPANT_UNKNOWN',
      reason: `Choose which participant of "${material.fileName}" is the person before training`,
    });
  }
  const options = { maxGapHours: settings.maxReplyGapHours };
  // Several names are one person (their addresses): their letters answer others' as one participant's.
  const { chat: merged, person } = asOnePerson(chat, names);
  return {
    units: personWords(merged, person, options).map((text) => ({ text, startSec: null, endSec: null })),
    flow: 'chat',
    pairs: dialoguePairs(merged, person, options).map(({ prompt, reply }) => ({ prompt, reply })),
    speech: null,
  };
}

/** Tagged against a voice sample: only the person's segments; untagged: all of them. */
function recordingWords(segments: readonly TranscriptSegment[], taggedWith: string | null): MaterialWords {
  const kept = taggedWith === null ? segments : segments.filter((segment) => segment.isPerson === true);
  const dropped = segments.filter((segment) => !kept.includes(segment));
  return {
    units: kept.map(({ text, startSec, endSec }) => ({ text, startSec, endSec })),
    flow: 'recording',
    pairs: [],
    speech: { taggedWith, usedSec: secondsOf(kept), droppedSec: secondsOf(dropped), droppedSegments: dropped.length },
  };
}

function secondsOf(segments: readonly TranscriptSegment[]): number {
  const total = segments.reduce((sum, s) => sum + Math.max(0, (s.endSec ?? 0) - (s.startSec ?? 0)), 0);
  return Math.round(total * 1000) / 1000;
}

/** Paragraphs by blank lines; a text without blank lines has one paragraph per line. */
function paragraphsOf(text: string): WordsUnit[] {
  const normal = text.replace(/\r\n?/g, '\n');
  const blocks = /\n\s*\n/.test(normal) ? normal.split(/\n\s*\n/) : normal.split('\n');
  return blocks.map((block) => ({ text: block.trim(), startSec: null, endSec: null })).filter((unit) => unit.text);
}

async function readText(blobs: BlobStore, key: string): Promise<string> {
  return new TextDecoder().decode(await readBlob(blobs, key));
}
