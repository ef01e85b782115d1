import {
  type AvatarTestReport,
  asAvatarTestReport,
  avatarTestReportFormat,
  type FidelityMetricName,
  type HeldOutExample,
  type MetricFigures,
  type ReplySource,
  verdictOf,
} from '@bishop/domain';
import type { BlobStore } from '@bishop/domain/ports';
import type { AudioTools } from '../audio/index.ts';
import type { ModelSettings } from '../models/index.ts';
import {
  type OpenedPersona,
  openPersona,
  type PersonaEmbedder,
  personaFromSnapshot,
  readPersonaSnapshot,
} from '../persona/index.ts';
import { type Responder, retrievalResponder } from '../replies/index.ts';
import type { TtsEngines } from '../tts/index.ts';
import type { AvatarUnderTest } from './avatar-under-test.ts';
import { genericCorpus } from './generic-corpus.ts';
import { repliesTo } from './held-out-replies.ts';
import { comparison, overallFidelity } from './overall-fidelity.ts';
import { corpusLanguageOf, floorTexts, pairsToTest, trainingTexts } from './test-inputs.ts';
import type { TestLlm } from './test-llm.ts';
import { isTestModel } from './test-models.ts';
import { notMeasured, qualityOf, type ReplySet, type ScoredTextMetric, scoreTextMetric } from './text-metric.ts';
import { authorshipScorer, embeddingScorer, styleScorer, type TextScorer } from './text-scorers.ts';
import { scoreVoice } from './voice/voice-metrics.ts';

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
}

const DEFAULT_MAX_PAIRS = 60;
// An LLM answers each pair three times (new, baseline, previous): on a CPU a 1.5B model takes seconds per
// reply, so it answers at most 20 pairs; a test-model LLM's figures prove the code path only: 3 pairs, new
// and baseline (the verdict never rests on them), do that and spare the cores.
const LLM_PAIRS = 20;
const TEST_MODEL_LLM_PAIRS = 3;
const EXAMPLES = 3;
const EXAMPLE_CHARS = 280;
const textMetricNames = ['embeddingSimilarity', 'styleSimilarity', 'authorship'] as const;

type Tested = Extract<AvatarUnderTest, { status: 'test' }>;
type ReplyMaker = { source: ReplySource; responder: Responder; model: string; testModel: boolean };

/**
 * The avatar test of one persona version: replies to each held-out message by
 * this version, by the untrained baseline and by the version that was active,
 * scored by every text metric between floor and ceiling; dubs scored for the
 * voice; one report with the lift over the baseline, the comparison with the
 * previous version and a verdict.
 */
export async function runAvatarTest(subject: Tested, deps: AvatarTestDependencies): Promise<AvatarTestReport> {
  const started = performance.now();
  const timingsMs: Record<string, number> = {};
  const timed = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    const from = performance.now();
    try {
      return await work();
    } finally {
      timingsMs[label] = Math.round((timingsMs[label] ?? 0) + performance.now() - from);
    }
  };
  const notes: string[] = [];
  const open = deps.embedder ? { embedder: deps.embedder } : {};

  // 1. The version under test, the previous one, and what they are scored on.
  const snapshot = await readPersonaSnapshot(deps.blobs, subject.version.snapshotKey);
  const persona = personaFromSnapshot(snapshot, subject.version.snapshotKey, open);
  const previous = subject.previous ? await openPrevious(deps.blobs, subject.previous.snapshotKey, open, notes) : null;
  const language = corpusLanguageOf(snapshot.style);
  const pairs = pairsToTest(persona.heldOut, deps.maxPairs ?? DEFAULT_MAX_PAIRS);
  const real = pairs.map((pair) => pair.reply);
  const generic = await genericCorpus(language);
  const floor = floorTexts(snapshot, generic);
  if (floor.source === 'genericCorpus') {
    notes.push(
      `The materials hold too few messages of other people (chat exports) for the floor; the floor is Bishop’s generic ${language} text`,
    );
  }

  // 2. The scorers, or why one cannot score.
  const scorers: (TextScorer | MetricFigures)[] = [
    deps.embedder
      ? embeddingScorer(deps.embedder, isTestModel(deps.models.choices.embedder))
      : textNotMeasured('embeddingSimilarity', `not measured (model ${deps.models.choices.embedder.name} missing)`),
    styleScorer(snapshot.style),
    trainingTexts(snapshot).length > 0
      ? authorshipScorer(trainingTexts(snapshot), generic.training)
      : textNotMeasured('authorship', 'not measured (the version holds no training text of the person)'),
  ];

  // 3. Each reply maker's replies to the held-out messages, scored by each metric.
  const makers: ReplyMaker[] = [
    { source: 'retrieval', responder: retrievalResponder(), model: 'retrieval', testModel: false },
    ...(deps.llm.responder
      ? [
          {
            source: 'llm' as const,
            responder: deps.llm.responder,
            model: deps.llm.model,
            testModel: deps.llm.testModel,
          },
        ]
      : []),
  ];
  const scored = new Map<ReplySource, ScoredTextMetric[]>();
  const examples: HeldOutExample[] = [];
  for (const maker of makers) {
    const asked =
      maker.source === 'retrieval' ? pairs : pairsToTest(pairs, maker.testModel ? TEST_MODEL_LLM_PAIRS : LLM_PAIRS);
    const replies =
      asked.length >= 2
        ? await timed(`replies:${maker.source}`, () =>
            replySet(maker, subject, snapshot.card, persona, maker.testModel ? null : previous, asked, deps),
          )
        : null;
    const results: ScoredTextMetric[] = [];
    for (const scorer of scorers) {
      if (!('score' in scorer)) {
        results.push({ figures: { ...scorer, replies: maker.source }, perPair: null });
        continue;
      }
      const result = replies
        ? await timed(`scoring:${scorer.metric}`, () =>
            scoreTextMetric(scorer, {
              real: asked.map((pair) => pair.reply),
              floor: floor.texts,
              replies,
              source: maker.source,
            }),
          )
        : {
            figures: textNotMeasured(
              scorer.metric,
              `not measured (${asked.length} held-out dialogue pair${asked.length === 1 ? '' : 's'}: the test needs at least two — add chat exports with the person’s replies)`,
              maker.source,
            ),
            perPair: null,
          };
      results.push(maker.source === 'llm' ? withLlm(result, maker) : result);
    }
    scored.set(maker.source, results);
    if (replies && examples.length === 0 && (maker.source === 'llm') === headlineIsLlm(deps.llm)) {
      examples.push(...examplesOf(asked, replies));
    }
  }
  if (!deps.llm.responder) {
    for (const metric of textMetricNames) {
      (scored.get('retrieval') as ScoredTextMetric[]).push({
        figures: textNotMeasured(metric, deps.llm.reason, 'llm'),
        perPair: null,
      });
    }
  }

  // 4. The verdict: the headline replies' overall score, against the baseline and the version that was active.
  const headline: ReplySource = headlineIsLlm(deps.llm) ? 'llm' : 'retrieval';
  if (headline === 'retrieval') {
    notes.push(
      deps.llm.responder
        ? `The verdict uses the retrieval responder’s replies: the LLM ${deps.llm.model} is a test model, whose replies ignore the persona`
        : `The verdict uses the retrieval responder’s replies (the person’s own past replies): LLM replies were ${deps.llm.reason}`,
    );
  }
  const headlineScored = (scored.get(headline) ?? []).filter((s) => s.figures.replies === headline);
  const overall = overallFidelity(headline, headlineScored);
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
      { texts: real, language, voice: subject.voice },
      {
        blobs: deps.blobs,
        models: deps.models,
        tts: deps.tts,
        espeakProgram: deps.espeakProgram,
        signal: deps.signal,
        dubbed: deps.working,
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
    metrics: [...[...scored.values()].flat().map((s) => s.figures), ...voice],
    overall: overall?.overall ?? null,
    comparedWith,
    worse: comparedWith?.ci95 ? comparedWith.ci95[1] < 0 : false,
    verdict: overall ? verdictOf(comparedWith?.ci95 ?? overall.overall.ci95) : 'notMeasured',
    examples,
    notes,
    durationMs: Math.round(performance.now() - started),
    timingsMs,
  };
}

/** Replies by this version, the untrained baseline (persona card only) and the previous version. */
async function replySet(
  maker: ReplyMaker,
  subject: Tested,
  card: Tested['card'],
  persona: OpenedPersona,
  previous: OpenedPersona | null,
  pairs: readonly { prompt: string }[],
  deps: AvatarTestDependencies,
): Promise<ReplySet> {
  const ask = (version: OpenedPersona | null) =>
    repliesTo({
      responder: maker.responder,
      messages: pairs.map((pair) => pair.prompt),
      avatarName: subject.name,
      card,
      persona: version,
      timeoutMs: deps.replyTimeoutMs,
      signal: deps.signal,
      replied: deps.working,
    });
  return { newVersion: await ask(persona), baseline: await ask(null), previous: previous ? await ask(previous) : null };
}

async function openPrevious(
  blobs: BlobStore,
  snapshotKey: string,
  open: { embedder?: PersonaEmbedder },
  notes: string[],
): Promise<OpenedPersona | null> {
  try {
    return await openPersona(blobs, snapshotKey, open);
  } catch (error) {
    notes.push(`The previous version could not be opened for comparison: ${(error as Error).message}`);
    return null;
  }
}

function headlineIsLlm(llm: TestLlm): boolean {
  return llm.responder !== null && !llm.testModel;
}

function withLlm(result: ScoredTextMetric, maker: ReplyMaker): ScoredTextMetric {
  const figures = result.figures;
  const testModel = maker.testModel || figures.quality === 'testModel';
  return {
    ...result,
    figures: { ...figures, models: [maker.model, ...figures.models], ...qualityOf(testModel) },
  };
}

function textNotMeasured(
  metric: (typeof textMetricNames)[number],
  reason: string,
  replies: ReplySource = 'retrieval',
): MetricFigures {
  return notMeasured({ metric, replies, models: [], quality: 'meaningful', qualityNote: null }, reason);
}

function examplesOf(pairs: readonly { prompt: string; reply: string }[], replies: ReplySet): HeldOutExample[] {
  const cut = (text: string | null | undefined) =>
    text == null ? null : text.length <= EXAMPLE_CHARS ? text : `${text.slice(0, EXAMPLE_CHARS - 1)}…`;
  return pairs.slice(0, EXAMPLES).map((pair, i) => ({
    message: cut(pair.prompt) as string,
    real: cut(pair.reply) as string,
    newVersion: cut(replies.newVersion[i]),
    baseline: cut(replies.baseline[i]),
  }));
}

/** What a test that kept failing records: every metric "not measured", with the reason. */
export function failedAvatarTestReport(runId: string, personaVersion: number, reason: string): AvatarTestReport {
  const metric = (name: FidelityMetricName): MetricFigures =>
    notMeasured(
      {
        metric: name,
        replies: textMetricNames.includes(name as never) ? 'retrieval' : null,
        models: [],
        quality: 'meaningful',
        qualityNote: null,
      },
      `not measured (the test failed: ${reason})`,
    );
  return {
    format: avatarTestReportFormat,
    runId,
    personaVersion,
    language: 'ru',
    heldOutPairs: 0,
    pairsTested: 0,
    floor: 'genericCorpus',
    headline: 'retrieval',
    metrics: [...textMetricNames, 'speakerSimilarity', 'intelligibility'].map((name) =>
      metric(name as FidelityMetricName),
    ),
    overall: null,
    comparedWith: null,
    worse: false,
    verdict: 'notMeasured',
    examples: [],
    notes: [`The avatar test failed: ${reason}`],
    durationMs: 0,
    timingsMs: {},
  };
}
