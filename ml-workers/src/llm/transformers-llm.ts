import {
  InterruptableStoppingCriteria,
  type PreTrainedTokenizer,
  type TextGenerationPipeline,
  TextStreamer,
} from '@huggingface/transformers';
import type { GenerateOptions, Generation, LanguageModel, PromptMessage } from './llm-port.ts';
import { StreamedText } from './streamed-text.ts';

export interface TransformersLlmOptions {
  /** The model's name as recorded on replies (its folder under BISHOP_MODELS_DIR). */
  readonly modelName: string;
  /** Upper bound on prompt + reply tokens (the model's own window is used when smaller). */
  readonly maxContextTokens?: number;
  /** Token ids that end the reply besides the model's own end-of-sequence tokens (tests; models without EOS). */
  readonly extraEosTokenIds?: readonly number[];
}

/**
 * A local model through transformers.js: the tokenizer's own chat template
 * (ChatML for Qwen), TextStreamer for word pieces as they are decoded, and
 * InterruptableStoppingCriteria so an abort or a stop string ends the loop at
 * the next token.
 */
export function transformersLlm(generator: TextGenerationPipeline, options: TransformersLlmOptions): LanguageModel {
  const { tokenizer, model } = generator;
  const config = model.config as { max_position_embeddings?: number };
  const window = config.max_position_embeddings ?? 2048;
  const contextTokens = Math.min(window, options.maxContextTokens ?? window);
  const eosTokenIds = [...modelEosIds(generator), ...(options.extraEosTokenIds ?? [])];

  function promptIds(messages: readonly PromptMessage[]) {
    const text = tokenizer.apply_chat_template(messages.map(toTemplateMessage), {
      add_generation_prompt: true,
      tokenize: false,
    }) as string;
    // The template already holds the special tokens; adding more would change the prompt.
    return tokenizer(text, { add_special_tokens: false });
  }

  return {
    name: `transformers.js:${options.modelName}`,
    contextTokens,
    countTokens: (messages) => promptIds(messages).input_ids.dims.at(-1) ?? 0,
    async generate(messages: readonly PromptMessage[], generateOptions: GenerateOptions): Promise<Generation> {
      const { signal } = generateOptions;
      signal?.throwIfAborted();
      const started = performance.now();
      const inputs = promptIds(messages);
      const promptTokens = inputs.input_ids.dims.at(-1) ?? 0;
      const interruption = new InterruptableStoppingCriteria();
      const reply = new StreamedText(generateOptions.stop ?? [], (piece) => generateOptions.onToken?.(piece));
      let firstTokenMs: number | null = null;
      let completionTokens = 0;
      let lastToken: bigint | undefined;
      const streamer = new TextStreamer(tokenizer as PreTrainedTokenizer, {
        skip_prompt: true,
        skip_special_tokens: true,
        callback_function: (text: string) => {
          if (reply.push(text)) interruption.interrupt();
        },
        token_callback_function: (tokens: bigint[]) => {
          firstTokenMs ??= performance.now() - started;
          completionTokens += tokens.length;
          lastToken = tokens.at(-1);
        },
      });
      const abort = () => interruption.interrupt();
      signal?.addEventListener('abort', abort, { once: true });
      try {
        const sampling = generateOptions.temperature > 0;
        await model.generate({
          ...inputs,
          max_new_tokens: generateOptions.maxNewTokens,
          do_sample: sampling,
          ...(sampling ? { temperature: generateOptions.temperature } : {}),
          eos_token_id: eosTokenIds,
          streamer,
          stopping_criteria: [interruption],
        } as Parameters<typeof model.generate>[0]);
      } finally {
        signal?.removeEventListener('abort', abort);
      }
      signal?.throwIfAborted();
      const text = reply.finish();
      const endedByEos = lastToken !== undefined && eosTokenIds.includes(Number(lastToken));
      return {
        text,
        promptTokens,
        completionTokens,
        firstTokenMs,
        totalMs: performance.now() - started,
        finishReason: reply.stopped ? 'stop' : endedByEos ? 'eos' : 'length',
      };
    },
  };
}

function modelEosIds(generator: TextGenerationPipeline): number[] {
  const configured = (generator.model.generation_config as { eos_token_id?: number | number[] } | null)?.eos_token_id;
  if (configured === undefined || configured === null) return [];
  return Array.isArray(configured) ? configured : [configured];
}

function toTemplateMessage(message: PromptMessage): { role: string; content: string } {
  return { role: message.role, content: message.content };
}
