import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { type CompletionUsage, completionStream } from './chat-completion-stream.ts';
import { forbiddenHost, guardedLookup } from './endpoint-guard.ts';
import type { FinishReason, GenerateOptions, Generation, LanguageModel, PromptMessage } from './llm-port.ts';
import { StreamedText } from './streamed-text.ts';
import { estimatePromptTokens } from './token-estimate.ts';

export interface OpenAiLlmOptions {
  /** Base URL of the API, e.g. `http://127.0.0.1:8000/v1` (requests go to `<url>/chat/completions`). */
  readonly url: string;
  readonly apiKey?: string | undefined;
  /** The `model` field sent to the server. */
  readonly model: string;
  /** The server model's context window in tokens. */
  readonly contextTokens: number;
  /** Let the URL reach link-local / cloud-metadata addresses (off unless the operator says so). */
  readonly allowLinkLocal?: boolean;
}

export class LlmEndpointError extends Error {
  override readonly name = 'LlmEndpointError';
}

/**
 * Any OpenAI-compatible server (vLLM, llama.cpp server, Ollama, a hosted
 * API): streamed `chat/completions`. It has no tokenizer here, so prompt
 * budgets use a conservative estimate, while the recorded counts are the
 * server's own (`usage`) when it reports them.
 */
export function openAiLlm(options: OpenAiLlmOptions): LanguageModel {
  const refused = options.allowLinkLocal ? null : forbiddenHost(options.url);
  if (refused)
    throw new LlmEndpointError(`The LLM URL is refused: ${refused} (allow it with BISHOP_LLM_ALLOW_LINK_LOCAL)`);
  const base = options.url.replace(/\/+$/, '');
  return {
    name: `openai:${options.model}`,
    contextTokens: options.contextTokens,
    countTokens: estimatePromptTokens,
    async generate(messages: readonly PromptMessage[], generateOptions: GenerateOptions): Promise<Generation> {
      const { signal } = generateOptions;
      signal?.throwIfAborted();
      const started = performance.now();
      const stops = generateOptions.stop ?? [];
      const reply = new StreamedText(stops, (piece) => generateOptions.onToken?.(piece));
      let firstTokenMs: number | null = null;
      let deltas = 0;
      let finish: string | null = null;
      let usage: CompletionUsage | null = null;
      const body = JSON.stringify({
        model: options.model,
        messages,
        stream: true,
        stream_options: { include_usage: true },
        max_tokens: generateOptions.maxNewTokens,
        temperature: generateOptions.temperature,
        // The API takes at most four stop sequences; StreamedText applies them all anyway.
        ...(stops.length > 0 ? { stop: stops.slice(0, 4) } : {}),
      });
      const stopping = new AbortController();
      const combined = signal ? AbortSignal.any([signal, stopping.signal]) : stopping.signal;
      const stream = completionStream({
        onDelta: ({ content, finishReason }) => {
          if (content !== '') {
            firstTokenMs ??= performance.now() - started;
            deltas += 1;
            // A stop string seen here: hang up, the server need not finish.
            if (reply.push(content)) stopping.abort();
          }
          finish = finishReason ?? finish;
        },
        onUsage: (reported) => {
          usage = reported;
        },
      });
      try {
        const response = await post(`${base}/chat/completions`, body, options, combined);
        response.setEncoding('utf8');
        for await (const text of response) stream.feed(text as string);
        if (!stream.done && !reply.stopped) throw new LlmEndpointError('The LLM server ended the stream early');
      } catch (error) {
        signal?.throwIfAborted();
        if (!reply.stopped) throw error;
      }
      const text = reply.finish();
      const counted = usage as CompletionUsage | null;
      return {
        text,
        promptTokens: counted?.promptTokens ?? estimatePromptTokens(messages),
        completionTokens: counted?.completionTokens ?? deltas,
        firstTokenMs,
        totalMs: performance.now() - started,
        finishReason: finishReasonOf(reply.stopped, finish, stops.length > 0),
      };
    },
  };
}

/** OpenAI's "stop" means a natural end or a stop sequence; with stop sequences given, it is taken as theirs. */
function finishReasonOf(stopped: boolean, server: string | null, hadStops: boolean): FinishReason {
  if (stopped || server === 'stop_sequence' || (server === 'stop' && hadStops)) return 'stop';
  return server === 'length' ? 'length' : 'eos';
}

/** POSTs JSON and resolves with a 2xx response; any other status becomes an error with the server's words. */
function post(url: string, body: string, options: OpenAiLlmOptions, signal: AbortSignal): Promise<IncomingMessage> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const requestOptions: RequestOptions = {
    method: 'POST',
    signal,
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      'content-length': Buffer.byteLength(body),
      ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
    },
    ...(options.allowLinkLocal ? {} : { lookup: guardedLookup }),
  };
  return new Promise((resolve, reject) => {
    const request = send(target, requestOptions, (response) => {
      const status = response.statusCode ?? 0;
      if (status >= 200 && status < 300) return resolve(response);
      readText(response).then(
        (text) => reject(new LlmEndpointError(`The LLM server answered HTTP ${status}: ${serverMessage(text)}`)),
        reject,
      );
    });
    request.once('error', (error) =>
      reject(
        signal.aborted
          ? error
          : new LlmEndpointError(`Cannot reach the LLM server at ${target.origin}: ${error.message}`),
      ),
    );
    request.end(body);
  });
}

async function readText(response: IncomingMessage): Promise<string> {
  response.setEncoding('utf8');
  let text = '';
  for await (const chunk of response) {
    text += chunk;
    if (text.length > 4000) break;
  }
  return text;
}

function serverMessage(text: string): string {
  try {
    const json = JSON.parse(text) as { error?: { message?: string } | string; message?: string };
    const message = typeof json.error === 'string' ? json.error : (json.error?.message ?? json.message);
    if (message) return message.slice(0, 500);
  } catch {
    // Not JSON: the text itself says what went wrong.
  }
  return text.trim().slice(0, 500) || 'no details';
}

/** Readiness: the server answers `GET <url>/models` (every OpenAI-compatible server has it). */
export async function checkOpenAiEndpoint(options: OpenAiLlmOptions): Promise<void> {
  const target = new URL(`${options.url.replace(/\/+$/, '')}/models`);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  await new Promise<void>((resolve, reject) => {
    const request = send(
      target,
      {
        method: 'GET',
        signal: AbortSignal.timeout(5000),
        headers: options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {},
        ...(options.allowLinkLocal ? {} : { lookup: guardedLookup }),
      },
      (response) => {
        response.resume();
        const status = response.statusCode ?? 0;
        if (status >= 200 && status < 300) resolve();
        else reject(new LlmEndpointError(`${target.origin} answered HTTP ${status} to GET /models`));
      },
    );
    request.once('error', (error) => reject(new LlmEndpointError(`Cannot reach ${target.origin}: ${error.message}`)));
    request.end();
  });
}
