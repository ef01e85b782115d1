import { type JsonObject, styleProfileOf } from '@bishop/domain';
import type { BlobStore } from '@bishop/domain/ports';
import {
  buildLexicalIndexes,
  buildPersonaSnapshot,
  isFullySupported,
  lexicalLibrary,
  type PersonaEmbedder,
  personaSnapshotFormat,
  personLanguageOf,
  unsupportedLanguageNote,
  writePersonaSnapshot,
} from '../persona/index.ts';
import { PermanentJobError } from '../runtime/index.ts';
import { assembleCorpus } from './assemble-corpus.ts';
import { type EmbeddedCorpus, embedCorpus } from './embed-corpus.ts';
import { pairsHeldBefore } from './held-before.ts';
import { pairsStillNeeded } from './hold-out.ts';
import { type MaterialWords, materialWords } from './material-words.ts';
import {
  cleanMaterialWords,
  type MaterialWork,
  materialWorkEntry,
  mineMaterialPairs,
  readMaterialWork,
  writeMaterialWork,
} from './material-work.ts';
import { recordingSpeech, untaggedNotes } from './recording-speech.ts';
import type { TrainingProgress } from './training-progress.ts';
import type { TrainingRunView } from './training-run.ts';
import type { TrainingSettings } from './training-settings.ts';

const READ_AHEAD = 8;

export interface PersonaVersionInput {
  readonly runId: string;
  /** When the run started: the snapshot's `builtAt`, so a rerun writes the same bytes. */
  readonly builtAt: string;
  readonly run: TrainingRunView;
  readonly settings: TrainingSettings;
}

export interface PersonaVersionSteps {
  readonly blobs: BlobStore;
  /** The sentence encoder, or null when its model is not installed: the version is then lexical only. */
  readonly embedder: () => Promise<PersonaEmbedder | null>;
  readonly progress: TrainingProgress;
  /** Throws when the run must not go on (stopped, avatar deleted); called between materials and batches. */
  readonly checkpoint: () => Promise<void>;
}

export interface BuiltPersonaVersion {
  readonly snapshotKey: string;
  readonly stats: JsonObject;
}

/** Stages collecting → … → snapshotting: the persona version of the run's materials, written to the BlobStore. */
export async function buildPersonaVersion(
  input: PersonaVersionInput,
  steps: PersonaVersionSteps,
): Promise<BuiltPersonaVersion> {
  const { blobs, progress, checkpoint } = steps;
  const { run, settings } = input;
  const materials = run.materials;

  // 1. Collecting: what earlier runs left in the cache, and the person's words of everything else.
  await progress.stage('collecting');
  const entries: {
    material: (typeof materials)[number];
    hash: string;
    key: string;
    work: MaterialWork | null;
    words?: MaterialWords;
  }[] = [];
  // Cache entries are read a few at a time: each is a small blob, and a retrain reads one per material.
  for (let start = 0; start < materials.length; start += READ_AHEAD) {
    await checkpoint();
    const batch = materials.slice(start, start + READ_AHEAD);
    const read = await Promise.all(
      batch.map(async (material) => {
        const { hash, key } = materialWorkEntry(run.avatarId, material, settings);
        const work = await readMaterialWork(blobs, key);
        const words = work === null ? await materialWords(blobs, run.avatarId, material, settings) : undefined;
        return { material, hash, key, work, ...(words ? { words } : {}) };
      }),
    );
    entries.push(...read);
    progress.advance(entries.length / materials.length);
  }
  const misses = entries.filter((entry) => entry.work === null);

  // 2. Cleaning: passages of new material.
  await progress.stage('cleaning');
  const cleaned = new Map(
    misses.map((entry, i) => {
      progress.advance((i + 1) / misses.length);
      return [entry.key, entry.words ? cleanMaterialWords(entry.words, settings) : null] as const;
    }),
  );

  // 3. Pairing: dialogue pairs of new material; the new work is cached for later runs.
  await progress.stage('pairing');
  for (const [i, entry] of misses.entries()) {
    await checkpoint();
    const clean = cleaned.get(entry.key);
    if (!entry.words || !clean) continue;
    const work: MaterialWork = {
      version: 2,
      ...clean,
      pairs: mineMaterialPairs(entry.words, settings),
      speech: entry.words.speech,
    };
    await writeMaterialWork(blobs, entry.key, work);
    entry.work = work;
    progress.advance((i + 1) / misses.length);
  }
  const parts = entries.flatMap((entry) =>
    entry.work ? [{ material: entry.material, work: entry.work, workHash: entry.hash }] : [],
  );
  const heldBefore = await pairsHeldBefore(blobs, run.latestSnapshotKey);
  const corpus = assembleCorpus(parts, settings.holdOutShare, heldBefore.hashes);
  if (corpus.passages.length === 0 && corpus.pairs.length === 0) {
    throw new PermanentJobError({
      reasonCode: 'NO_PERSON_WORDS',
      reason:
        'The materials hold no words of the person to learn from (for a chat export, check that the chosen participant is the person)',
    });
  }

  // 4. Embedding: vectors of new material (a missing model makes a lexical-only version, not a failure).
  await progress.stage('embedding');
  const embedder = await steps.embedder();
  let dense: EmbeddedCorpus | null = null;
  if (embedder) {
    dense = await embedCorpus(parts, corpus, {
      blobs,
      avatarId: run.avatarId,
      embedder,
      batchSize: settings.embeddingBatchSize,
      advance: progress.advance,
      checkpoint,
    });
  }

  // 5. Indexing: BM25 over passages and pair prompts.
  await progress.stage('indexing');
  await checkpoint();
  const lexical = buildLexicalIndexes(corpus.passages, corpus.pairs, corpus.heldOutPairIds);

  // 6. Profiling: the person's stylometrics.
  await progress.stage('profiling');
  const style = styleProfileOf(corpus.styleTexts);

  // 7. Snapshotting: one immutable, content-addressed blob.
  await progress.stage('snapshotting');
  await checkpoint();
  const snapshot = buildPersonaSnapshot({
    avatarId: run.avatarId,
    runId: input.runId,
    builtAt: input.builtAt,
    card: run.card,
    settings,
    corpus: corpus.corpus,
    passages: corpus.passages,
    pairs: corpus.pairs,
    heldOutPairIds: corpus.heldOutPairIds,
    heldOutPairHashes: corpus.heldOutPairHashes,
    style,
    lexical,
    ...(embedder && dense ? { dense: { embedder: embedder.model, ...dense } } : {}),
  });
  const written = await writePersonaSnapshot(blobs, snapshot);
  const timingsMs = progress.finish();

  const recomputed = misses.map((entry) => entry.material.materialId);
  // The person's language: outside Russian and English, the run says what that leaves out.
  const language = personLanguageOf(corpus.styleTexts, style);
  const notes = [
    ...(embedder
      ? []
      : [
          'The text-search model is not installed: this version retrieves by words only (BM25), without meaning vectors',
        ]),
    ...(isFullySupported(language) ? [] : [unsupportedLanguageNote(language)]),
  ];
  const stats: JsonObject = {
    format: personaSnapshotFormat,
    settings: { ...settings },
    materials: materials.length,
    materialsRemovedSinceStart: run.removedMaterialIds.length,
    passages: corpus.passages.length,
    pairs: corpus.pairs.length - corpus.heldOutPairIds.length,
    heldOutPairs: corpus.heldOutPairIds.length,
    // Of those, the pairs an earlier version held out (a pair once held out stays held out).
    heldOutKeptFromEarlier: corpus.heldOutKeptFromEarlier,
    // How many more pairs the avatar test needs before any can be held out (0: enough).
    pairsNeededToHoldOut: pairsStillNeeded(corpus.pairs.length),
    duplicatesDropped: { ...corpus.duplicates },
    otherSpeakerSegmentsDropped: parts.reduce((sum, part) => sum + (part.work.speech?.droppedSegments ?? 0), 0),
    recordings: recordingSpeech(parts, run.voiceSampleId),
    styleTexts: corpus.styleTexts.length,
    words: style.words,
    language,
    retrieval: embedder ? 'hybrid' : 'lexical',
    models: {
      embedder: embedder && snapshot.embedder ? { ...snapshot.embedder } : null,
      lexical: lexicalLibrary,
    },
    cache: {
      words: { hits: entries.length - misses.length, misses: misses.length },
      vectors: dense ? { ...dense.cache } : null,
    },
    textsEmbedded: dense?.textsEmbedded ?? 0,
    // Ids only (file names are personal data); capped so the stats stay small for huge corpora.
    recomputedMaterialIds: recomputed.slice(0, 100),
    timingsMs,
    snapshot: { key: written.key, sizeBytes: written.sizeBytes },
    notes: [...notes, ...untaggedNotes(parts, run.voiceSampleId), ...heldBefore.notes],
  };
  return { snapshotKey: written.key, stats };
}
