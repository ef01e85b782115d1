/**
 * The LLM port: a chat prompt in, a streamed reply out. Adapters: a local
 * transformers.js model and any OpenAI-compatible HTTP endpoint. Every adapter
 * streams through `StreamedText`, so the pieces given to `onToken` always join
 * to exactly `Generation.text` (trimmed, control characters removed, cut at a stop).
 */
export type PromptRole = 'system' | 'user' | 'assistant';

export interface PromptMessage {
  readonly role: PromptRole;
  readonly content: string;
}

export interface GenerateOptions {
  readonly maxNewTokens: number;
  /** 0: greedy (deterministic); above 0: sampling at this temperature. */
  readonly temperature: number;
  /** Text that ends the reply where it appears; it is not part of the reply. */
  readonly stop?: readonly string[];
  /** Aborting stops generation promptly; `generate` then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Each new piece of the reply as it is produced (a word or so). */
  readonly onToken?: (piece: string) => void;
}

export type FinishReason = 'eos' | 'stop' | 'length';

export interface Generation {
  /** The reply: the pieces given to onToken, joined. */
  readonly text: string;
  readonly promptTokens: number;
  readonly completionTokens: number;
  /** From the call to the model's first token (null: it produced none). */
  readonly firstTokenMs: number | null;
  readonly totalMs: number;
  readonly finishReason: FinishReason;
}

export interface LanguageModel {
  /** What answered, as recorded on a reply: `<engine>:<model>`. */
  readonly name: string;
  /** Tokens the prompt and the reply may take together. */
  readonly contextTokens: number;
  /** The prompt's size in the model's tokens, chat template included. */
  countTokens(messages: readonly PromptMessage[]): number;
  generate(messages: readonly PromptMessage[], options: GenerateOptions): Promise<Generation>;
}
