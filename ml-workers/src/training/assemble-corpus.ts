import type { CorpusRef, PersonaPair, PersonaPassage } from '../persona/index.ts';
import { heldOutPairs } from './hold-out.ts';
import type { MaterialWork } from './material-work.ts';
import { contentHash } from './passages.ts';
import type { RunMaterial } from './training-run.ts';

export interface MaterialPart {
  readonly material: RunMaterial;
  readonly work: MaterialWork;
}

/** The run's corpus: passages and pairs deduplicated across materials, the held-out pairs apart. */
export interface AssembledCorpus {
  readonly passages: readonly PersonaPassage[];
  readonly pairs: readonly PersonaPair[];
  readonly heldOutPairIds: readonly string[];
  /** Every pair hash this version or an earlier one held out, pairs no longer in the corpus included. */
  readonly heldOutPairHashes: readonly string[];
  /** Held-out pairs of this corpus that an earlier version held out already. */
  readonly heldOutKeptFromEarlier: number;
  readonly styleTexts: readonly string[];
  readonly corpus: readonly CorpusRef[];
  /** Content hashes of each kept passage and pair, for matching vectors to them. */
  readonly passageHashes: readonly string[];
  readonly pairHashes: readonly string[];
  readonly duplicates: { readonly passages: number; readonly pairs: number };
}

/**
 * Materials in run order; the first material holding a text keeps it, so ids
 * stay the same across retrains. Held-out replies are kept out of passages and
 * of the style profile too, or the test would find the answers in the training.
 */
export function assembleCorpus(
  parts: readonly MaterialPart[],
  holdOutShare: number,
  heldBefore: ReadonlySet<string> = new Set(),
): AssembledCorpus {
  const seenPairs = new Set<string>();
  const pairs: PersonaPair[] = [];
  const pairHashes: string[] = [];
  const heldOutPairIds: string[] = [];
  const heldOutReplies = new Set<string>();
  const heldOutPassages = new Set<string>();
  const pairsPerMaterial = new Map<string, number>();
  let duplicatePairs = 0;
  const unique: { material: MaterialPart['material']; pair: MaterialPart['work']['pairs'][number] }[] = [];
  for (const { material, work } of parts) {
    for (const pair of work.pairs) {
      if (seenPairs.has(pair.hash)) {
        duplicatePairs += 1;
        continue;
      }
      seenPairs.add(pair.hash);
      unique.push({ material, pair });
    }
  }
  const held = heldOutPairs(
    unique.map(({ pair }) => pair.hash),
    holdOutShare,
    heldBefore,
  );
  for (const { material, pair } of unique) {
    const id = `${material.materialId}:${pair.hash}`;
    pairs.push({ id, materialId: material.materialId, prompt: pair.prompt, reply: pair.reply });
    pairHashes.push(pair.hash);
    pairsPerMaterial.set(material.materialId, (pairsPerMaterial.get(material.materialId) ?? 0) + 1);
    if (held.has(pair.hash)) {
      heldOutPairIds.push(id);
      heldOutReplies.add(contentHash(pair.reply));
      for (const hash of pair.replyPassageHashes) heldOutPassages.add(hash);
    }
  }
  const seenPassages = new Set<string>();
  const passages: PersonaPassage[] = [];
  const passageHashes: string[] = [];
  let duplicatePassages = 0;
  const corpus: CorpusRef[] = [];
  for (const { material, work } of parts) {
    let kept = 0;
    for (const passage of work.passages) {
      if (heldOutPassages.has(passage.hash)) continue;
      if (seenPassages.has(passage.hash)) {
        duplicatePassages += 1;
        continue;
      }
      seenPassages.add(passage.hash);
      passages.push({
        id: `${material.materialId}:${passage.hash}`,
        materialId: material.materialId,
        text: passage.text,
        language: passage.language,
        startSec: passage.startSec,
        endSec: passage.endSec,
      });
      passageHashes.push(passage.hash);
      kept += 1;
    }
    corpus.push({
      materialId: material.materialId,
      fileName: material.fileName,
      kind: material.kind,
      sha256: material.sha256,
      participant: material.participants.length > 0 ? material.participants.join(', ') : null,
      passages: kept,
      pairs: pairsPerMaterial.get(material.materialId) ?? 0,
    });
  }
  const styleTexts = parts
    .flatMap(({ work }) => work.styleTexts)
    .filter((text) => !heldOutReplies.has(contentHash(text)));
  return {
    passages,
    pairs,
    heldOutPairIds,
    // Carried forward even for pairs gone from this corpus (or a run with a share of 0): a material removed and
    // uploaded again, or a later run with a share, holds them out again.
    heldOutPairHashes: [...new Set([...heldBefore, ...held])].sort(),
    heldOutKeptFromEarlier: [...held].filter((hash) => heldBefore.has(hash)).length,
    styleTexts,
    corpus,
    passageHashes,
    pairHashes,
    duplicates: { passages: duplicatePassages, pairs: duplicatePairs },
  };
}
