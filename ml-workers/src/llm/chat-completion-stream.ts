import { createParser } from 'eventsource-parser';

/** What one `chat.completion.chunk` of an OpenAI-compatible stream says. */
export interface CompletionDelta {
  readonly content: string;
  readonly finishReason: string | null;
}

export interface CompletionUsage {
  readonly promptTokens: number;
  readonly completionTokens: number;
}

export interface CompletionStreamHandlers {
  readonly onDelta: (delta: CompletionDelta) => void;
  readonly onUsage: (usage: CompletionUsage) => void;
}

export class CompletionStreamError extends Error {
  override readonly name = 'CompletionStreamError';
}

/**
 * Parses the server-sent events of `POST /chat/completions` with
 * `stream: true`: `data: {chunk}` lines, a final usage chunk when asked for
 * (`stream_options.include_usage`), then `data: [DONE]`. An `error` object in
 * the stream (vLLM, llama.cpp and Ollama send one mid-stream) becomes a
 * CompletionStreamError with the server's message.
 */
export function completionStream(handlers: CompletionStreamHandlers) {
  let done = false;
  let failure: Error | null = null;
  const parser = createParser({
    onEvent(event) {
      if (done || failure) return;
      if (event.data === '[DONE]') {
        done = true;
        return;
      }
      try {
        handleChunk(JSON.parse(event.data) as ChunkJson, handlers);
      } catch (error) {
        failure =
          error instanceof CompletionStreamError
            ? error
            : new CompletionStreamError(`The LLM server sent an unreadable event: ${event.data.slice(0, 200)}`);
      }
    },
  });
  return {
    /** Feeds decoded text as it arrives; throws the first error the stream carried. */
    feed(text: string): void {
      parser.feed(text);
      if (failure) throw failure;
    },
    /** Whether `[DONE]` arrived. */
    get done(): boolean {
      return done;
    },
  };
}

interface ChunkJson {
  readonly choices?: readonly { delta?: { content?: string | null }; finish_reason?: string | null }[];
  readonly usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
  readonly error?: { message?: string } | string;
}

function handleChunk(chunk: ChunkJson, handlers: CompletionStreamHandlers): void {
  if (chunk.error !== undefined) {
    const message = typeof chunk.error === 'string' ? chunk.error : (chunk.error.message ?? 'unknown error');
    throw new CompletionStreamError(`The LLM server reported an error: ${message}`);
  }
  const [choice] = chunk.choices ?? [];
  if (choice) {
    handlers.onDelta({ content: choice.delta?.content ?? '', finishReason: choice.finish_reason ?? null });
  }
  const usage = chunk.usage;
  if (usage && typeof usage.prompt_tokens === 'number' && typeof usage.completion_tokens === 'number') {
    handlers.onUsage({ promptTokens: usage.prompt_tokens, completionTokens: usage.completion_tokens });
  }
}
