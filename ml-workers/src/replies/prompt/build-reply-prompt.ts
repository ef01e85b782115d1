import type { PersonaCard, StyleProfile } from '@bishop/domain';
import type { PromptMessage } from '../../llm/index.ts';
import type { RecalledExchange } from '../chat-memory.ts';
import { describeStyle } from './style-summary.ts';

export interface PromptPassage {
  readonly id: string;
  readonly text: string;
}

export interface PromptExemplar {
  readonly id: string;
  readonly prompt: string;
  readonly reply: string;
}

/** Everything a reply is built from; lists are ranked best first, history is oldest first. */
export interface ReplyPromptInput {
  readonly avatarName: string;
  readonly card: PersonaCard;
  /** Null for an untrained avatar: it answers from its persona card alone. */
  readonly style: StyleProfile | null;
  readonly knowledge: readonly PromptPassage[];
  readonly exemplars: readonly PromptExemplar[];
  /** Earlier exchanges of this chat that retrieval brought back. */
  readonly memory: readonly RecalledExchange[];
  readonly history: readonly RecalledExchange[];
  readonly message: string;
}

export interface PromptBudget {
  /** The model's window. */
  readonly contextTokens: number;
  /** Kept free for the reply. */
  readonly replyTokens: number;
}

export interface BuiltPrompt {
  readonly messages: PromptMessage[];
  readonly promptTokens: number;
  /** Ids of the passages, pairs and earlier exchanges the prompt holds (`message:<id>` for those). */
  readonly sourceIds: string[];
  readonly kept: {
    readonly history: number;
    readonly knowledge: number;
    readonly exemplars: number;
    readonly memory: number;
  };
}

export class PromptTooLongError extends Error {
  override readonly name = 'PromptTooLongError';
  readonly promptTokens: number;
  readonly budgetTokens: number;
  constructor(promptTokens: number, budgetTokens: number) {
    super(
      `The message and the persona card alone take ${promptTokens} tokens, more than the ${budgetTokens} the model can read while leaving room for its answer`,
    );
    this.promptTokens = promptTokens;
    this.budgetTokens = budgetTokens;
  }
}

type Parts = {
  history: readonly RecalledExchange[];
  knowledge: readonly PromptPassage[];
  exemplars: readonly PromptExemplar[];
  memory: readonly RecalledExchange[];
};

type Kind = 'history' | 'memory' | 'knowledge' | 'exemplars';

// The most recent turns carry the thread of the conversation; recalled and retrieved items
// are the few best matches, so old history goes first, down to these many turns.
const RECENT_TURNS_KEPT = 4;
const RETRIEVAL: readonly Kind[] = ['memory', 'knowledge', 'exemplars'];

/**
 * What goes next when the prompt is over budget, in stages: the oldest history
 * beyond the last few turns; then the lowest-ranked retrieval of each kind in
 * turn, down to its best item; then the rest of history, oldest first; then
 * those best items.
 */
function nextToDrop(parts: Parts, turn: number): Kind | null {
  if (parts.history.length > RECENT_TURNS_KEPT) return 'history';
  const roundRobin = (keep: number) => {
    for (let i = 0; i < RETRIEVAL.length; i += 1) {
      const kind = RETRIEVAL[(turn + i) % RETRIEVAL.length] as Kind;
      if (parts[kind].length > keep) return kind;
    }
    return null;
  };
  return roundRobin(1) ?? (parts.history.length > 0 ? 'history' : roundRobin(0));
}

/**
 * Builds the chat prompt for a reply within the model's context budget, with
 * the model's own token counter. The persona card and the message always
 * stay; everything else is dropped, one item at a time (see nextToDrop), until it fits.
 */
export function buildReplyPrompt(
  input: ReplyPromptInput,
  budget: PromptBudget,
  countTokens: (messages: readonly PromptMessage[]) => number,
): BuiltPrompt {
  const limit = budget.contextTokens - budget.replyTokens;
  // History already in the prompt needs no recalling.
  const inHistory = new Set(input.history.map((exchange) => exchange.id));
  const parts: Parts = {
    history: input.history,
    knowledge: input.knowledge,
    exemplars: input.exemplars,
    memory: input.memory.filter((exchange) => !inHistory.has(exchange.id)),
  };
  let turn = 0;
  for (;;) {
    const messages = render(input, parts);
    const promptTokens = countTokens(messages);
    if (promptTokens <= limit) {
      return {
        messages,
        promptTokens,
        sourceIds: [
          ...parts.knowledge.map((passage) => passage.id),
          ...parts.exemplars.map((exemplar) => exemplar.id),
          ...parts.memory.map((exchange) => exchange.id),
        ],
        kept: {
          history: parts.history.length,
          knowledge: parts.knowledge.length,
          exemplars: parts.exemplars.length,
          memory: parts.memory.length,
        },
      };
    }
    const next = nextToDrop(parts, turn);
    if (next === null) throw new PromptTooLongError(promptTokens, limit);
    dropOne(parts, next);
    if (next !== 'history') turn = RETRIEVAL.indexOf(next) + 1;
  }
}

function dropOne(parts: Parts, kind: Kind): void {
  // History loses its oldest turn (the front); ranked lists lose their last, lowest-ranked item.
  if (kind === 'history') parts.history = parts.history.slice(1);
  else if (kind === 'memory') parts.memory = parts.memory.slice(0, -1);
  else if (kind === 'knowledge') parts.knowledge = parts.knowledge.slice(0, -1);
  else parts.exemplars = parts.exemplars.slice(0, -1);
}

function render(input: ReplyPromptInput, parts: Parts): PromptMessage[] {
  const history = parts.history.flatMap((exchange): PromptMessage[] => [
    { role: 'user', content: exchange.userText },
    ...(exchange.replyText === null ? [] : [{ role: 'assistant' as const, content: exchange.replyText }]),
  ]);
  return [
    { role: 'system', content: systemPrompt(input, parts) },
    ...history,
    { role: 'user', content: input.message },
  ];
}

function systemPrompt(input: ReplyPromptInput, parts: Parts): string {
  const name = input.avatarName;
  const sections = [
    [
      `You are ${name}. Answer as ${name} would: in the first person, with ${name}'s views, knowledge and manner of speaking.`,
      "Reply in the language of the user's last message (Russian, English, or a mix of both, as they write).",
      'Keep to what you know; if you do not know something, say so as this person would.',
    ].join(' '),
    section('About you', cardLines(input.card)),
    section('How you write', input.style ? describeStyle(input.style) : []),
    section(
      'What you have said on this subject (your own words)',
      parts.knowledge.map((passage) => `- ${passage.text}`),
    ),
    section(
      'How you answered similar messages before',
      parts.exemplars.map((exemplar) => `Message: ${exemplar.prompt}\nYou: ${exemplar.reply}`),
    ),
    section(
      'Said earlier in this conversation',
      parts.memory.map(
        (exchange) => `User: ${exchange.userText}${exchange.replyText === null ? '' : `\nYou: ${exchange.replyText}`}`,
      ),
    ),
  ];
  return sections.filter((text) => text !== '').join('\n\n');
}

function section(title: string, lines: readonly string[]): string {
  return lines.length === 0 ? '' : `${title}:\n${lines.join('\n')}`;
}

function cardLines(card: PersonaCard): string[] {
  const lines: string[] = [];
  if (card.description) lines.push(`Who you are: ${card.description}`);
  if (card.personality) lines.push(`Personality: ${card.personality}`);
  if (card.scenario) lines.push(`Situation: ${card.scenario}`);
  if (card.gender) lines.push(`Gender: ${card.gender}`);
  if (card.languages.length > 0) lines.push(`Languages: ${card.languages.join(', ')}`);
  if (card.instructions) lines.push(`Also: ${card.instructions}`);
  return lines;
}
