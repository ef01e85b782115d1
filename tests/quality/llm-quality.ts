import { emptyPersonaCard } from '@bishop/domain';
import { llmResponder, loadLocalLlm } from '@bishop/ml-workers';
import type { ModelSettings } from '@bishop/ml-workers/models';

/** Messages a new avatar gets: half Russian, half English. */
const messages = [
  { language: 'ru', text: 'Привет! Как прошёл твой день?' },
  { language: 'ru', text: 'Посоветуй, какую книгу почитать в отпуске.' },
  { language: 'ru', text: 'Почему небо голубое? Объясни коротко.' },
  { language: 'en', text: 'Hi! How was your weekend?' },
  { language: 'en', text: 'Can you recommend a good way to learn a new language?' },
  { language: 'en', text: 'Why is the sky blue? Keep it short.' },
] as const;

export interface LlmFigures {
  readonly model: string;
  readonly items: number;
  readonly medianFirstTokenMs: number;
  readonly medianReplyMs: number;
  readonly decodeTokensPerSecond: number;
  /** Replies written in the language of the message (Cyrillic for Russian, Latin for English). */
  readonly languageMatch: number;
  readonly examples: readonly { message: string; reply: string; ms: number }[];
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function writtenIn(text: string, language: 'ru' | 'en'): boolean {
  const cyrillic = (text.match(/\p{Script=Cyrillic}/gu) ?? []).length;
  const latin = (text.match(/\p{Script=Latin}/gu) ?? []).length;
  return language === 'ru' ? cyrillic > latin : latin > cyrillic;
}

/** Replies of an untrained avatar (card only) through the reply path: prompt builder, budget, streaming. */
export async function measureLlm(settings: ModelSettings, maxNewTokens: number): Promise<LlmFigures> {
  const llm = await loadLocalLlm(settings, { maxContextTokens: 4096, parallel: 1 });
  const responder = llmResponder(llm, { maxNewTokens, temperature: 0 });
  const firsts: number[] = [];
  const totals: number[] = [];
  const rates: number[] = [];
  let matched = 0;
  const examples: { message: string; reply: string; ms: number }[] = [];
  for (const message of messages) {
    const started = performance.now();
    let first: number | null = null;
    const reply = await responder.respond(
      { avatarName: 'Alex', card: emptyPersonaCard(), persona: null, earlier: [], message: message.text },
      {
        signal: AbortSignal.timeout(300_000),
        onToken: () => {
          first ??= performance.now() - started;
        },
      },
    );
    const total = performance.now() - started;
    firsts.push(first ?? total);
    totals.push(total);
    if (reply.completionTokens > 1) rates.push((reply.completionTokens - 1) / ((total - (first ?? 0)) / 1000));
    if (writtenIn(reply.text, message.language)) matched += 1;
    examples.push({ message: message.text, reply: reply.text, ms: total });
  }
  return {
    model: llm.name,
    items: messages.length,
    medianFirstTokenMs: median(firsts),
    medianReplyMs: median(totals),
    decodeTokensPerSecond: median(rates),
    languageMatch: matched / messages.length,
    examples,
  };
}
