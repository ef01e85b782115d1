import type { PromptMessage } from './llm-port.ts';

// BPE tokenizers of current chat models average about 4 characters per token in English and
// about 3 in Russian; 3 overestimates both, so a budget kept by this estimate is kept for real.
const CHARS_PER_TOKEN = 3;
// ChatML and similar templates add a few tokens of framing per message.
const TOKENS_PER_MESSAGE = 5;

/** A prompt's size in tokens when the model's tokenizer is not at hand (a remote model). */
export function estimatePromptTokens(messages: readonly PromptMessage[]): number {
  return messages.reduce(
    (sum, message) => sum + TOKENS_PER_MESSAGE + Math.ceil([...message.content].length / CHARS_PER_TOKEN),
    3,
  );
}
