import type { HeldOutExample, MetricFigures, PersonaCard, ReplySource } from '@bishop/domain';
import type { OpenedPersona, PersonaPair } from '../persona/index.ts';
import { type Responder, retrievalResponder } from '../replies/index.ts';
import { repliesTo } from './held-out-replies.ts';
import { pairsToTest } from './test-inputs.ts';
import type { TestLlm } from './test-llm.ts';
import { notMeasured, qualityOf, type ReplySet, type ScoredTextMetric, scoreTextMetric } from './text-metric.ts';
import type { TextScorer } from './text-scorers.ts';
import type { Timed } from './timings.ts';

export const textMetricNames = ['embeddingSimilarity', 'styleSimilarity', 'authorship'] as const;
export type TextMetricName = (typeof textMetricNames)[number];

// An LLM answers each pair three times (new, baseline, previous): on a CPU a 1.5B model takes seconds per
// reply, so it answers at most 20 pairs; a test-model LLM's figures prove the code path only: 3 pairs, new
// and baseline (the verdict never rests on them), do that and spare the cores.
const LLM_PAIRS = 20;
const TEST_MODEL_LLM_PAIRS = 3;
// The report keeps this many held-out examples; they are also the pairs of the blind "which one is real?" test.
const EXAMPLES = 12;
const EXAMPLE_CHARS = 280;

export interface TextFidelityInput {
  readonly avatarName: string;
  /** The card the version was built with: the untrained baseline answers with it alone. */
  readonly card: PersonaCard;
  readonly persona: OpenedPersona;
  readonly previous: OpenedPersona | null;
  readonly pairs: readonly PersonaPair[];
  readonly floor: readonly string[];
  /** A scorer, or the figures saying why that metric cannot be measured. */
  readonly scorers: readonly (TextScorer | MetricFigures)[];
  readonly llm: TestLlm;
}

export interface TextFidelityRun {
  readonly replyTimeoutMs: number;
  readonly signal: AbortSignal;
  readonly working: () => void;
  readonly timed: Timed;
}

type ReplyMaker = { source: ReplySource; responder: Responder; model: string; testModel: boolean };

/** How many replies `scoreTextFidelity` will ask for: each reply maker's pairs times the versions it asks. */
export function plannedReplies(pairs: number, llm: TestLlm, hasPrevious: boolean): number {
  const asked = (count: number, withPrevious: boolean) => (count >= 2 ? count * (withPrevious ? 3 : 2) : 0);
  const retrieval = asked(pairs, hasPrevious);
  if (!llm.responder) return retrieval;
  const llmPairs = Math.min(pairs, llm.testModel ? TEST_MODEL_LLM_PAIRS : LLM_PAIRS);
  return retrieval + asked(llmPairs, hasPrevious && !llm.testModel);
}

/** Whether the verdict rests on the LLM's replies: only an LLM with real weights follows the persona. */
export function headlineIsLlm(llm: TestLlm): boolean {
  return llm.responder !== null && !llm.testModel;
}

/**
 * Each reply maker (the retrieval responder; the LLM when installed) answers
 * the held-out messages as this version, as the untrained baseline and as the
 * previous version; every scorer scores the answers. Without an LLM, its
 * figures say why.
 */
export async function scoreTextFidelity(
  input: TextFidelityInput,
  run: TextFidelityRun,
): Promise<{ scored: Map<ReplySource, ScoredTextMetric[]>; examples: HeldOutExample[] }> {
  const { llm } = input;
  const makers: ReplyMaker[] = [
    { source: 'retrieval', responder: retrievalResponder(), model: 'retrieval', testModel: false },
  ];
  if (llm.responder)
    makers.push({ source: 'llm', responder: llm.responder, model: llm.model, testModel: llm.testModel });
  const scored = new Map<ReplySource, ScoredTextMetric[]>();
  let examples: HeldOutExample[] = [];
  for (const maker of makers) {
    const asked =
      maker.source === 'retrieval'
        ? [...input.pairs]
        : pairsToTest(input.pairs, maker.testModel ? TEST_MODEL_LLM_PAIRS : LLM_PAIRS);
    const replies =
      asked.length >= 2 ? await run.timed(`replies:${maker.source}`, () => replySet(maker, input, asked, run)) : null;
    const results: ScoredTextMetric[] = [];
    for (const scorer of input.scorers) {
      const result: ScoredTextMetric = !('score' in scorer)
        ? { figures: { ...scorer, replies: maker.source }, perPair: null }
        : replies
          ? await run.timed(`scoring:${scorer.metric}`, () =>
              scoreTextMetric(scorer, {
                real: asked.map((pair) => pair.reply),
                floor: input.floor,
                replies,
                source: maker.source,
              }),
            )
          : { figures: textNotMeasured(scorer.metric, tooFewPairs(asked.length), maker.source), perPair: null };
      results.push(maker.source === 'llm' ? withLlm(result, maker) : result);
    }
    scored.set(maker.source, results);
    if (replies && (maker.source === 'llm') === headlineIsLlm(llm)) examples = examplesOf(asked, replies);
  }
  if (!llm.responder) {
    scored.set(
      'llm',
      textMetricNames.map((metric) => ({ figures: textNotMeasured(metric, llm.reason, 'llm'), perPair: null })),
    );
  }
  return { scored, examples };
}

export function textNotMeasured(
  metric: TextMetricName,
  reason: string,
  replies: ReplySource = 'retrieval',
): MetricFigures {
  return notMeasured({ metric, replies, models: [], quality: 'meaningful', qualityNote: null }, reason);
}

/** Replies by this version, the untrained baseline (persona card only) and, for a real LLM or retrieval, the previous version. */
async function replySet(
  maker: ReplyMaker,
  input: TextFidelityInput,
  pairs: readonly PersonaPair[],
  run: TextFidelityRun,
): Promise<ReplySet> {
  const ask = (version: OpenedPersona | null) =>
    repliesTo({
      responder: maker.responder,
      messages: pairs.map((pair) => pair.prompt),
      avatarName: input.avatarName,
      card: input.card,
      persona: version,
      timeoutMs: run.replyTimeoutMs,
      signal: run.signal,
      replied: run.working,
    });
  const previous = maker.testModel ? null : input.previous;
  return {
    newVersion: await ask(input.persona),
    baseline: await ask(null),
    previous: previous ? await ask(previous) : null,
  };
}

function withLlm(result: ScoredTextMetric, maker: ReplyMaker): ScoredTextMetric {
  const testModel = maker.testModel || result.figures.quality === 'testModel';
  return {
    ...result,
    figures: { ...result.figures, models: [maker.model, ...result.figures.models], ...qualityOf(testModel) },
  };
}

function tooFewPairs(count: number): string {
  return `not measured (${count} held-out dialogue pair${count === 1 ? '' : 's'}: the test needs at least two — add chat exports with the person’s replies)`;
}

function examplesOf(pairs: readonly PersonaPair[], replies: ReplySet): HeldOutExample[] {
  const cut = (text: string | null | undefined) =>
    text == null ? null : text.length <= EXAMPLE_CHARS ? text : `${text.slice(0, EXAMPLE_CHARS - 1)}…`;
  return pairs.slice(0, EXAMPLES).map((pair, i) => ({
    message: cut(pair.prompt) as string,
    real: cut(pair.reply) as string,
    newVersion: cut(replies.newVersion[i]),
    baseline: cut(replies.baseline[i]),
  }));
}
