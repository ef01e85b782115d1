import type { ChatHistoryItem, LlamaChat, LlamaModel } from 'node-llama-cpp';
import type { FinishReason, GenerateOptions, Generation, LanguageModel, PromptMessage } from './llm-port.ts';
import { SequencePool } from './sequence-pool.ts';
import { StreamedText } from './streamed-text.ts';

export interface LlamaCppLlmOptions {
  /** The model's name as recorded on replies (its folder under BISHOP_MODELS_DIR). */
  readonly modelName: string;
  /** Upper bound on prompt + reply tokens (the model's trained window is used when smaller). */
  readonly maxContextTokens?: number;
  /** Replies generated at once, each in its own context sequence (memory grows with each). */
  readonly parallel?: number;
  /** CPU threads per evaluation; the Llama instance's limit when absent. */
  readonly threads?: number;
}

/**
 * A GGUF model through llama.cpp (node-llama-cpp): the chat wrapper resolved
 * from the model's own chat template, its own tokenizer for the budget, text
 * chunks streamed as they are detokenised. A stop string or an abort ends the
 * generation at the next token (`stopOnAbortSignal`), so the sequence is free
 * again at once.
 */
export async function llamaCppLlm(model: LlamaModel, options: LlamaCppLlmOptions): Promise<LanguageModel> {
  const window = model.trainContextSize;
  const contextTokens = Math.min(window, options.maxContextTokens ?? window);
  const parallel = options.parallel ?? 1;
  const context = await model.createContext({
    contextSize: contextTokens,
    sequences: parallel,
    ...(options.threads ? { threads: options.threads } : {}),
  });
  // Imported here, as the runtime is (load-gguf.ts): a process that never replies does not load the bindings.
  const { LlamaChat } = await import('node-llama-cpp');
  const chats = Array.from({ length: parallel }, () => new LlamaChat({ contextSequence: context.getSequence() }));
  const pool = new SequencePool(chats);
  const [wrapper] = chats.map((chat) => chat.chatWrapper);

  function countTokens(messages: readonly PromptMessage[]): number {
    const { contextText } = (wrapper as LlamaChat['chatWrapper']).generateContextState({
      chatHistory: toChatHistory(messages),
    });
    return contextText.tokenize(model.tokenizer).length;
  }

  return {
    name: `llama.cpp:${options.modelName}`,
    contextTokens,
    countTokens,
    async generate(messages: readonly PromptMessage[], generateOptions: GenerateOptions): Promise<Generation> {
      const { signal } = generateOptions;
      signal?.throwIfAborted();
      const started = performance.now();
      const promptTokens = countTokens(messages);
      const reply = new StreamedText(generateOptions.stop ?? [], (piece) => generateOptions.onToken?.(piece));
      const stopping = new AbortController();
      let firstTokenMs: number | null = null;
      let completionTokens = 0;
      const result = await pool.use(
        (chat) =>
          chat.generateResponse(toChatHistory(messages), {
            maxTokens: generateOptions.maxNewTokens,
            temperature: generateOptions.temperature,
            signal: signal ? AbortSignal.any([signal, stopping.signal]) : stopping.signal,
            stopOnAbortSignal: true,
            onToken: (tokens) => {
              firstTokenMs ??= performance.now() - started;
              completionTokens += tokens.length;
            },
            onTextChunk: (text) => {
              if (reply.push(text)) stopping.abort();
            },
          }),
        signal,
      );
      signal?.throwIfAborted();
      return {
        text: reply.finish(),
        promptTokens,
        completionTokens,
        firstTokenMs,
        totalMs: performance.now() - started,
        finishReason: finishReasonOf(reply.stopped, result.metadata.stopReason),
      };
    },
  };
}

function finishReasonOf(stopped: boolean, stopReason: string): FinishReason {
  if (stopped) return 'stop';
  return stopReason === 'maxTokens' ? 'length' : 'eos';
}

/** Our prompt as node-llama-cpp's chat history, ending in the model turn it is to write. */
function toChatHistory(messages: readonly PromptMessage[]): ChatHistoryItem[] {
  const history = messages.map((message): ChatHistoryItem => {
    if (message.role === 'assistant') return { type: 'model', response: [message.content] };
    return { type: message.role, text: message.content };
  });
  history.push({ type: 'model', response: [] });
  return history;
}
