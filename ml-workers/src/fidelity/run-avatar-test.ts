import {
  type AvatarTestReport,
  asAvatarTestReport,
  avatarTestReportFormat,
  type MetricFigures,
  type ReplySource,
  reportVerdict,
} from '@bishop/domain';
import type { BlobStore } from '@bishop/domain/ports';
import type { AudioTools } from '../audio/index.ts';
import type { ModelSettings } from '../models/index.ts';
import {
  languageName,
  type OpenedPersona,
  type OpenPersonaOptions,
  openPersona,
  type PersonaEmbedder,
  personaFromSnapshot,
  personLanguageOf,
  readPersonaSnapshot,
  unsupportedLanguageNote,
} from '../persona/index.ts';
import type { TtsEngines } from '../tts/index.ts';
import type { AvatarUnderTest } from './avatar-under-test.ts';
import { genericCorpusFor } from './generic-corpus.ts';
import { comparison, overallFidelity } from './overall-fidelity.ts';
import { floorTexts, pairsToTest, trainingTexts } from './test-inputs.ts';
import type { TestLlm } from './test-llm.ts';
import { isTestModel } from './test-models.ts';
import { type TestProgressListener, testProgress } from './test-progress.ts';
import { headlineIsLlm, plannedReplies, scoreTextFidelity, textMetricNames, textNotMeasured } from './text-fidelity.ts';
import { authorshipScorer, embeddingScorer, styleScorer, type TextScorer } from './text-scorers.ts';
import { stopwatch, type Timed } from './timings.ts';
import { MAX_DUBS, scoreVoice } from './voice/voice-metrics.ts';

export interface AvatarTestDependencies {
  readonly blobs: BlobStore;
  readonly models: ModelSettings;
  /** The sentence encoder, or null when its model is not installed. */
  readonly embedder: PersonaEmbedder | null;
  readonly llm: TestLlm;
  readonly replyTimeoutMs: number;
  readonly tts: TtsEngines;
  readonly espeakProgram: string;
  readonly audioTools?: AudioTools;
  readonly signal: AbortSignal;
  /** The job's heartbeat, called as replies and dubs are made. */
  readonly working: () => void;
  /** Held-out pairs scored at most (an even sample of more). */
  readonly maxPairs?: number;
  /** Told the step and percent as the test goes on. */
  readonly progress?: TestProgressListener;
}

const DEFAULT_MAX_PAIRS = 60;

/**
 * The avatar test of one persona version: replies to each held-out message by
 * this version, by the untrained baseline and by the version that was active,
 * scored by every text metric between floor and ceiling; dubs scored for the
 * voice; one report with the lift over the baseline, the comparison with the
 * previous version and a verdict.
 */
export async function runAvatarTest(
  subject: Extract<AvatarUnderTest, { status: 'test' }>,
  deps: AvatarTestDependencies,
): Promise<AvatarTestReport> {
  const started = performance.now();
  const clock = stopwatch();
  const { timingsMs } = clock;
  const notes: string[] = [];
  // One pass over the held-out pairs: an HNSW graph would take longer to build than the exact scans it saves.
  const exactOnly = { approximateFrom: Number.POSITIVE_INFINITY };
  const open = deps.embedder ? { embedder: deps.embedder, ...exactOnly } : exactOnly;

  // 1. The version under test, the previous one, and what they are scored on.
  const snapshot = await readPersonaSnapshot(deps.blobs, subject.version.snapshotKey);
  const persona = personaFromSnapshot(snapshot, subject.version.snapshotKey, open);
  const previous = subject.previous ? await openPrevious(deps.blobs, subject.previous.snapshotKey, open, notes) : null;
  const pairs = pairsToTest(persona.heldOut, deps.maxPairs ?? DEFAULT_MAX_PAIRS);
  const personTexts = trainingTexts(snapshot);
  // The person's language decides the generic text; Bishop ships it for Russian and English only.
  const language = personLanguageOf(personTexts, snapshot.style);
  const generic = await genericCorpusFor(language);
  if (!generic) notes.push(unsupportedLanguageNote(language));
  const floor = floorTexts(snapshot, generic);
  const progress = testProgress(
    plannedReplies(pairs.length, deps.llm, previous !== null) + Math.min(MAX_DUBS, pairs.length),
    deps.progress ?? (() => {}),
  );
  const timed: Timed = (label, work) => {
    progress.enter(label);
    return clock.timed(label, work);
  };
  const working = () => {
    deps.working();
    progress.tick();
  };
  if (floor.source === 'genericCorpus') {
    notes.push(
      `The materials hold too few messages of other people (chat exports) for the floor; the floor is Bishop’s generic ${language} text`,
    );
  }
  const noGeneric = `no generic text in ${languageName(language)} (${language})`;

  // 2. The scorers, or why one cannot score.
  const scorers: (TextScorer | MetricFigures)[] =
    floor.source === 'none'
      ? textMetricNames.map((metric) =>
          textNotMeasured(metric, `not measured (no floor: too few messages of other people and ${noGeneric})`),
        )
      : [
          deps.embedder
            ? embeddingScorer(deps.embedder, isTestModel(deps.models.choices.embedder))
            : textNotMeasured(
                'embeddingSimilarity',
                `not measured (model ${deps.models.choices.embedder.name} missing)`,
              ),
          styleScorer(snapshot.style),
          personTexts.length === 0
            ? textNotMeasured('authorship', 'not measured (the version holds no training text of the person)')
            : generic
              ? authorshipScorer(personTexts, generic.training)
              : textNotMeasured('authorship', `not measured (${noGeneric} to tell the person from anyone)`),
        ];

  // 3. Replies to the held-out messages, scored by each metric.
  const { scored, examples } = await scoreTextFidelity(
    {
      avatarName: subject.name,
      card: snapshot.card,
      persona,
      previous,
      pairs,
      floor: floor.texts,
      scorers,
      llm: deps.llm,
    },
    { replyTimeoutMs: deps.replyTimeoutMs, signal: deps.signal, working, timed },
  );

  // 4. The verdict: the headline replies' overall score, against the baseline and the version that was active.
  const headline: ReplySource = headlineIsLlm(deps.llm) ? 'llm' : 'retrieval';
  if (headline === 'retrieval') notes.push(retrievalHeadlineNote(deps.llm));
  const overall = overallFidelity(headline, scored.get(headline) ?? []);
  const comparedWith =
    subject.previous && overall
      ? comparison(overall.perPair, {
          personaVersion: subject.previous.personaVersion,
          runId: subject.previous.runId,
          reportedOverall: asAvatarTestReport(subject.previous.report)?.overall?.newVersion ?? null,
        })
      : null;

  // 5. The voice: dubs of the person's held-out replies, cloned and generic.
  const voice = await timed('voice', () =>
    scoreVoice(
      { texts: pairs.map((pair) => pair.reply), language, voice: subject.voice },
      {
        blobs: deps.blobs,
        models: deps.models,
        tts: deps.tts,
        espeakProgram: deps.espeakProgram,
        signal: deps.signal,
        dubbed: working,
        ...(deps.audioTools ? { audioTools: deps.audioTools } : {}),
      },
    ),
  );

  return {
    format: avatarTestReportFormat,
    runId: subject.version.runId,
    personaVersion: subject.version.personaVersion,
    language,
    heldOutPairs: persona.heldOut.length,
    pairsTested: pairs.length,
    floor: floor.source,
    headline,
    metrics: [...(scored.get('retrieval') ?? []), ...(scored.get('llm') ?? [])].map((s) => s.figures).concat(voice),
    overall: overall?.overall ?? null,
    comparedWith,
    ...reportVerdict(overall?.overall ?? null, comparedWith),
    scoresCapped: true,
    examples,
    notes,
    durationMs: Math.round(performance.now() - started),
    timingsMs,
  };
}

function retrievalHeadlineNote(llm: TestLlm): string {
  return llm.responder
    ? `The verdict uses the retrieval responder’s replies: the LLM ${llm.model} is a test model, whose replies ignore the persona`
    : `The verdict uses the retrieval responder’s replies (the person’s own past replies): LLM replies were ${llm.reason}`;
}

async function openPrevious(
  blobs: BlobStore,
  snapshotKey: string,
  open: OpenPersonaOptions,
  notes: string[],
): Promise<OpenedPersona | null> {
  try {
    return await openPersona(blobs, snapshotKey, open);
  } catch (error) {
    notes.push(`The previous version could not be opened for comparison: ${(error as Error).message}`);
    return null;
  }
}
