import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { LlmEndpointError, openAiLlm, type PromptMessage } from '@bishop/ml-workers/llm';
import { type OpenAiLlmProcess, startOpenAiLlmProcess } from '../src/openai-llm-process.ts';

const prompt: PromptMessage[] = [
  { role: 'system', content: 'You are a lecturer. Отвечай кратко.' },
  { role: 'user', content: 'Что такое звезда? What is a star?' },
];

/** The OpenAI-compatible adapter against a real server process generating with the tiny model. */
describe('OpenAI-compatible LLM adapter (real streaming server process)', () => {
  let server: OpenAiLlmProcess;
  before(async () => {
    server = await startOpenAiLlmProcess();
  });
  after(() => server?.stop());

  const llm = () => openAiLlm({ url: server.url, apiKey: 'sk-test', model: 'llm-tiny-random', contextTokens: 2048 });

  it('streams pieces that join to the final text, with the server-reported token counts', async () => {
    const pieces: string[] = [];
    const generation = await llm().generate(prompt, {
      maxNewTokens: 20,
      temperature: 0,
      onToken: (p) => pieces.push(p),
    });
    assert.ok(pieces.length >= 2, `several pieces, got ${pieces.length}`);
    assert.equal(pieces.join(''), generation.text);
    assert.equal(generation.completionTokens, 20, 'usage from the server: the random model runs to max_tokens');
    assert.ok(generation.promptTokens > 10);
    assert.equal(generation.finishReason, 'length');
    assert.ok(generation.firstTokenMs !== null && generation.firstTokenMs < generation.totalMs);
    const [logged] = (await server.requests()).slice(-1);
    assert.deepEqual(logged, {
      model: 'llm-tiny-random',
      stream: true,
      messages: 2,
      maxTokens: 20,
      authorization: 'Bearer sk-test',
    });
  });

  it('generates what the model generates (not canned text): greedy output is reproducible and prompt-dependent', async () => {
    const a = await llm().generate(prompt, { maxNewTokens: 12, temperature: 0 });
    const b = await llm().generate(prompt, { maxNewTokens: 12, temperature: 0 });
    const other = await llm().generate([{ role: 'user', content: 'Completely different words here' }], {
      maxNewTokens: 12,
      temperature: 0,
    });
    assert.equal(a.text, b.text);
    assert.notEqual(a.text, other.text);
  });

  it('ends at a stop string', async () => {
    const full = await llm().generate(prompt, { maxNewTokens: 30, temperature: 0 });
    const stop = full.text.slice(8, 11);
    const cut = await llm().generate(prompt, { maxNewTokens: 30, temperature: 0, stop: [stop] });
    assert.equal(cut.text, full.text.slice(0, full.text.indexOf(stop)).trimEnd());
    assert.equal(cut.finishReason, 'stop');
  });

  it('stops promptly when aborted', async () => {
    const controller = new AbortController();
    const started = performance.now();
    await assert.rejects(
      llm().generate(prompt, {
        maxNewTokens: 1500,
        temperature: 0.8,
        signal: controller.signal,
        onToken: () => controller.abort(new Error('cancelled by the test')),
      }),
      /cancelled by the test/,
    );
    assert.ok(performance.now() - started < 1500);
  });

  it("reports the server's own error message", async () => {
    const wrong = openAiLlm({ url: server.url, model: 'no-such-model', contextTokens: 2048 });
    await assert.rejects(
      wrong.generate(prompt, { maxNewTokens: 4, temperature: 0 }),
      (error: Error) =>
        error instanceof LlmEndpointError && /HTTP 404: The model `no-such-model` does not exist/.test(error.message),
    );
  });

  it('says plainly when the server cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const gone = openAiLlm({ url: `http://127.0.0.1:${port}/v1`, model: 'x', contextTokens: 2048 });
    await assert.rejects(
      gone.generate(prompt, { maxNewTokens: 4, temperature: 0 }),
      /Cannot reach the LLM server at http:\/\/127\.0\.0\.1/,
    );
  });

  it('refuses link-local and cloud-metadata endpoints unless the operator allows them', async () => {
    for (const url of [
      'http://169.254.169.254/v1',
      'http://[fe80::1]/v1',
      'http://metadata.google.internal/v1',
      'http://[::ffff:169.254.1.1]/v1',
    ]) {
      assert.throws(() => openAiLlm({ url, model: 'x', contextTokens: 2048 }), /The LLM URL is refused/, url);
    }
    assert.doesNotThrow(() =>
      openAiLlm({ url: 'http://169.254.169.254/v1', model: 'x', contextTokens: 2048, allowLinkLocal: true }),
    );
  });
});
