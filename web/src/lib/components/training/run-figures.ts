import type { MessageKey } from '$lib/i18n/messages.en.ts';

export interface Figure {
  readonly label: MessageKey;
  readonly value: number | string;
}

const counted: readonly [string, MessageKey][] = [
  ['materials', 'run.figure.materials'],
  ['passages', 'run.figure.passages'],
  ['pairs', 'run.figure.pairs'],
  ['heldOutPairs', 'run.figure.heldOut'],
  ['heldOutKeptFromEarlier', 'run.figure.heldOutKept'],
  ['words', 'run.figure.words'],
  ['textsEmbedded', 'run.figure.embedded'],
  ['otherSpeakerSegmentsDropped', 'run.figure.otherSpeaker'],
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The figures of a run's statistics worth showing a person; ids, keys and formats stay out. */
export function runFigures(stats: unknown): Figure[] {
  if (!isRecord(stats)) return [];
  const figures: Figure[] = [];
  for (const [key, label] of counted) {
    const value = stats[key];
    if (typeof value === 'number') figures.push({ label, value });
  }
  // Recordings: the person's speech used, other voices' speech left out (seconds over all recordings).
  const recordings: unknown[] = Array.isArray(stats.recordings) ? stats.recordings : [];
  if (recordings.length > 0) {
    const sum = (key: string) => {
      const total = recordings.reduce<number>(
        (acc, r) => acc + (isRecord(r) && typeof r[key] === 'number' ? r[key] : 0),
        0,
      );
      return Math.round(total * 10) / 10;
    };
    figures.push({ label: 'run.figure.speechUsed', value: sum('usedSpeechSec') });
    figures.push({ label: 'run.figure.speechDropped', value: sum('droppedSpeechSec') });
  }
  if (typeof stats.retrieval === 'string') figures.push({ label: 'run.figure.retrieval', value: stats.retrieval });
  return figures;
}

const stageOrder = [
  'collecting',
  'cleaning',
  'pairing',
  'embedding',
  'indexing',
  'profiling',
  'snapshotting',
  'testing',
];

/** Milliseconds per stage in the trainer's order, and the whole run's (`total`) apart. */
export function stageTimings(stats: unknown): { stages: { stage: string; ms: number }[]; totalMs: number | null } {
  if (!isRecord(stats) || !isRecord(stats.timingsMs)) return { stages: [], totalMs: null };
  const entries = Object.entries(stats.timingsMs).filter(
    (entry): entry is [string, number] => typeof entry[1] === 'number',
  );
  const rank = (stage: string) => (stageOrder.includes(stage) ? stageOrder.indexOf(stage) : stageOrder.length);
  return {
    stages: entries
      .filter(([stage]) => stage !== 'total')
      .map(([stage, ms]) => ({ stage, ms }))
      .sort((a, b) => rank(a.stage) - rank(b.stage)),
    totalMs: entries.find(([stage]) => stage === 'total')?.[1] ?? null,
  };
}

/** Notes the trainer left for people (e.g. a model that was missing). */
export function runNotes(stats: unknown): string[] {
  if (!isRecord(stats) || !Array.isArray(stats.notes)) return [];
  return stats.notes.filter((note): note is string => typeof note === 'string');
}

/** Settings as "name: value" lines (flat values only). */
export function settingLines(settings: unknown): { name: string; value: string }[] {
  if (!isRecord(settings)) return [];
  return Object.entries(settings)
    .filter(([, value]) => ['string', 'number', 'boolean'].includes(typeof value))
    .map(([name, value]) => ({ name, value: String(value) }));
}

/** The dialogue pairs the run had, and how many more the avatar test needs to hold any out (0: enough). */
export function holdOutShortfall(stats: unknown): { pairs: number; needed: number } | null {
  if (!isRecord(stats) || typeof stats.pairsNeededToHoldOut !== 'number' || stats.pairsNeededToHoldOut <= 0)
    return null;
  const pairs =
    (typeof stats.pairs === 'number' ? stats.pairs : 0) +
    (typeof stats.heldOutPairs === 'number' ? stats.heldOutPairs : 0);
  return { pairs, needed: stats.pairsNeededToHoldOut };
}
