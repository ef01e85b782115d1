/**
 * A real OpenAI-compatible LLM server for tests, run as its own process: it
 * generates with the tiny test model (llm-tiny-random) through transformers.js
 * and streams each piece as the model produces it, over the protocol vLLM,
 * llama.cpp server and Ollama speak:
 *   GET  /v1/models
 *   POST /v1/chat/completions  { model, messages, stream, max_tokens, temperature, stop, stream_options }
 * `GET /requests` returns what was asked (model, authorization, message count), for assertions.
 *
 *   node tests/src/openai-llm-server.ts [port]   → prints "llm server listening on http://127.0.0.1:<port>"
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type PromptMessage, transformersLlm } from '@bishop/ml-workers/llm';
import { loadLlm, modelSettings } from '@bishop/ml-workers/models';
import { testModelEnvironment, testModelsDir } from './test-env.ts';

export interface LoggedLlmRequest {
  readonly model: string;
  readonly stream: boolean;
  readonly messages: number;
  readonly maxTokens: number;
  readonly authorization: string | null;
}

const MODEL = 'llm-tiny-random';
const generator = await loadLlm(modelSettings(testModelsDir, testModelEnvironment()));
const llm = transformersLlm(generator, { modelName: MODEL });
const log: LoggedLlmRequest[] = [];

async function jsonBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of request) text += chunk;
  return JSON.parse(text) as Record<string, unknown>;
}

function sendJson(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function completions(request: IncomingMessage, response: ServerResponse) {
  const body = await jsonBody(request);
  const model = String(body.model ?? '');
  const stream = body.stream === true;
  const messages = (body.messages ?? []) as PromptMessage[];
  const maxTokens = Number(body.max_tokens ?? 16);
  log.push({
    model,
    stream,
    messages: messages.length,
    maxTokens,
    authorization: request.headers.authorization ?? null,
  });
  if (model !== MODEL) {
    return sendJson(response, 404, {
      error: { message: `The model \`${model}\` does not exist`, type: 'invalid_request_error' },
    });
  }
  const id = `chatcmpl-${randomUUID()}`;
  const chunk = (delta: object, finishReason: string | null) =>
    `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', model, choices: [{ index: 0, delta, finish_reason: finishReason }] })}\n\n`;
  const abort = new AbortController();
  response.once('close', () => abort.abort(new Error('client went away')));
  const options = {
    maxNewTokens: maxTokens,
    temperature: Number(body.temperature ?? 0),
    stop: (body.stop ?? []) as string[],
    signal: abort.signal,
  };
  if (!stream) {
    const generation = await llm.generate(messages, options);
    return sendJson(response, 200, {
      id,
      object: 'chat.completion',
      model,
      choices: [{ index: 0, message: { role: 'assistant', content: generation.text }, finish_reason: 'length' }],
      usage: { prompt_tokens: generation.promptTokens, completion_tokens: generation.completionTokens },
    });
  }
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  response.write(chunk({ role: 'assistant', content: '' }, null));
  try {
    const generation = await llm.generate(messages, {
      ...options,
      onToken: (piece) => response.write(chunk({ content: piece }, null)),
    });
    response.write(chunk({}, generation.finishReason === 'length' ? 'length' : 'stop'));
    const includeUsage = (body.stream_options as { include_usage?: boolean } | undefined)?.include_usage;
    if (includeUsage) {
      const usage = { prompt_tokens: generation.promptTokens, completion_tokens: generation.completionTokens };
      response.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', model, choices: [], usage })}\n\n`);
    }
    response.end('data: [DONE]\n\n');
  } catch (error) {
    if (!abort.signal.aborted) response.end(`data: ${JSON.stringify({ error: { message: String(error) } })}\n\n`);
  }
}

const server = createServer((request, response) => {
  const path = new URL(request.url ?? '/', 'http://local').pathname;
  if (request.method === 'GET' && path === '/v1/models') {
    return sendJson(response, 200, { object: 'list', data: [{ id: MODEL, object: 'model' }] });
  }
  if (request.method === 'GET' && path === '/requests') return sendJson(response, 200, log);
  if (request.method === 'POST' && path === '/v1/chat/completions') {
    return void completions(request, response).catch((error) =>
      sendJson(response, 500, { error: { message: String(error) } }),
    );
  }
  sendJson(response, 404, { error: { message: `No route ${request.method} ${path}` } });
});

server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(`llm server listening on http://127.0.0.1:${port}`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
