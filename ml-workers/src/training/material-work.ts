import type { BlobStore } from '@bishop/domain/ports';
import { cleanText } from '../extraction/clean-text.ts';
import type { MaterialWords, RecordingSpeech } from './material-words.ts';
import { contentHash, type DraftPassage, type SplitRules, splitIntoPassages } from './passages.ts';
import { hashOf, readCached, trainingCacheKey, writeCached } from './training-cache.ts';
import type { RunMaterial } from './training-run.ts';
import type { TrainingSettings } from './training-settings.ts';

/** A pair before it is tied to its material, with the passages its reply became (left out when it is held out). */
export interface DraftPair {
  readonly hash: string;
  readonly prompt: string;
  readonly reply: string;
  readonly replyPassageHashes: readonly string[];
}

/** What training makes of one material, cached between runs. */
export interface MaterialWork {
  readonly version: typeof WORK_VERSION;
  readonly passages: readonly DraftPassage[];
  readonly pairs: readonly DraftPair[];
  /** Every text of the person, short ones too (style lives in "ок)))" as much as in a lecture). */
  readonly styleTexts: readonly string[];
  readonly speech: RecordingSpeech | null;
}

// Bump when splitting, cleaning or pairing changes, so old cache entries are no longer hits.
const WORK_VERSION = 2 as const;

/** The cache entry: a hash of the material's content and of the settings that shape passages and pairs. */
export function materialWorkEntry(avatarId: string, material: RunMaterial, settings: TrainingSettings) {
  const hash = hashOf(
    WORK_VERSION,
    material.materialId,
    material.sha256,
    material.participants.join('\n'),
    // Tagged again against another voice sample: other words are the person's.
    material.speakers?.status === 'tagged' ? material.speakers.segmentsBlobKey : null,
    settings.targetPassageChars,
    settings.maxPassageChars,
    settings.minPassageWords,
    settings.maxReplyGapHours,
  );
  return { hash, key: trainingCacheKey(avatarId, material.materialId, `${hash}.words.json`) };
}

export function readMaterialWork(blobs: BlobStore, key: string): Promise<MaterialWork | null> {
  return readCached(blobs, key, isMaterialWork);
}

export function writeMaterialWork(blobs: BlobStore, key: string, work: MaterialWork): Promise<void> {
  return writeCached(blobs, key, work);
}

function splitRules(words: MaterialWords, settings: TrainingSettings): SplitRules {
  return {
    targetChars: settings.targetPassageChars,
    maxChars: settings.maxPassageChars,
    minWords: settings.minPassageWords,
    merge: words.flow !== 'chat',
    // Pauses longer than this in a recording usually change the subject.
    maxGapSec: 3,
  };
}

/** Stage "cleaning": the person's words cleaned and cut into passages; their texts for the style profile. */
export function cleanMaterialWords(words: MaterialWords, settings: TrainingSettings) {
  return {
    passages: splitIntoPassages(words.units, splitRules(words, settings)),
    styleTexts: words.units.map((unit) => cleanText(unit.text)).filter((text) => text !== ''),
  };
}

/** Stage "pairing": someone's message and the person's reply, with the passages that reply became. */
export function mineMaterialPairs(words: MaterialWords, settings: TrainingSettings): DraftPair[] {
  const rules = splitRules(words, settings);
  return words.pairs
    .map(({ prompt, reply }) => ({
      hash: contentHash(prompt, reply),
      prompt: cleanText(prompt),
      reply: cleanText(reply),
      replyPassageHashes: splitIntoPassages([{ text: reply, startSec: null, endSec: null }], rules).map((p) => p.hash),
    }))
    .filter((pair) => pair.prompt !== '' && pair.reply !== '');
}

function isMaterialWork(value: unknown): value is MaterialWork {
  const work = value as Partial<MaterialWork> | null;
  return (
    typeof work === 'object' &&
    work !== null &&
    work.version === WORK_VERSION &&
    Array.isArray(work.passages) &&
    Array.isArray(work.pairs) &&
    Array.isArray(work.styleTexts)
  );
}
