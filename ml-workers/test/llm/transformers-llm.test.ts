import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { TextGenerationPipeline } from '@huggingface/transformers';
import { type LanguageModel, transformersLlm } from '../../src/llm/index.ts';
import { loadLlm } from '../../src/models/index.ts';
import { testModelSettings } from '../models/test-models.ts';

// llm-tiny-random has random weights: these tests check the mechanics (streaming, stopping, counting), not the words.
const prompt = [
  { role: 'system', content: 'Ты — лектор. Answer briefly.' },
  { role: 'user', content: 'Привет! What is a star?' },
] as const;

describe('transformers.js LLM adapter (llm-tiny-random)', () => {
  let generator: TextGenerationPipeline;
  let llm: LanguageModel;
  before(async () => {
    generator = await loadLlm(testModelSettings());
    llm = transformersLlm(generator, { modelName: 'llm-tiny-random' });
  });

  it('streams pieces that join to the final text, with token counts and first-token latency', async () => {
    const pieces: string[] = [];
    const generation = await llm.generate(prompt, { maxNewTokens: 24, temperature: 0, onToken: (p) => pieces.push(p) });
    assert.ok(pieces.length >= 2, `several pieces, got ${pieces.length}`);
    assert.equal(pieces.join(''), generation.text);
    assert.ok(generation.text.length > 0);
    assert.equal(generation.completionTokens, 24, 'the random model never ends by itself');
    assert.equal(generation.finishReason, 'length');
    assert.equal(generation.promptTokens, llm.countTokens(prompt));
    assert.ok(generation.firstTokenMs !== null && generation.firstTokenMs <= generation.totalMs);
    assert.equal(llm.name, 'transformers.js:llm-tiny-random');
    assert.equal(llm.contextTokens, 2048);
  });

  it('is deterministic when greedy', async () => {
    const a = await llm.generate(prompt, { maxNewTokens: 12, temperature: 0 });
    const b = await llm.generate(prompt, { maxNewTokens: 12, temperature: 0 });
    assert.equal(a.text, b.text);
  });

  it('counts the prompt with the chat template (ChatML) of the tokenizer', () => {
    const text = generator.tokenizer.apply_chat_template([...prompt], { add_generation_prompt: true, tokenize: false });
    assert.match(String(text), /^<\|im_start\|>system\n/);
    assert.ok(llm.countTokens(prompt) > llm.countTokens([prompt[1]]));
  });

  it('stops at an end-of-sequence token it is given', async () => {
    // Greedy output is deterministic: make its 5th token the end of sequence.
    const ids: number[] = [];
    const probe = await generator.model.generate({
      ...generator.tokenizer(
        String(generator.tokenizer.apply_chat_template([...prompt], { add_generation_prompt: true, tokenize: false })),
        { add_special_tokens: false },
      ),
      max_new_tokens: 8,
      do_sample: false,
      streamer: {
        put: (value: bigint[][]) => ids.push(...(value[0] ?? []).map(Number)),
        end: () => {},
      },
    } as never);
    assert.ok(probe);
    const generated = ids.slice(-8);
    const eos = generated[4] as number;
    const firstAt = generated.indexOf(eos);
    const stopping = transformersLlm(generator, { modelName: 'llm-tiny-random', extraEosTokenIds: [eos] });
    const generation = await stopping.generate(prompt, { maxNewTokens: 50, temperature: 0 });
    assert.equal(generation.completionTokens, firstAt + 1);
    assert.equal(generation.finishReason, 'eos');
  });

  it('ends at a stop string, which is not part of the reply', async () => {
    const full = await llm.generate(prompt, { maxNewTokens: 30, temperature: 0 });
    const stop = full.text.slice(10, 13);
    const cut = await llm.generate(prompt, { maxNewTokens: 30, temperature: 0, stop: [stop] });
    assert.equal(cut.finishReason, 'stop');
    assert.equal(cut.text, full.text.slice(0, full.text.indexOf(stop)).trimEnd());
    assert.ok(cut.completionTokens < 30);
  });

  it('stops promptly when aborted, rejecting with the reason', async () => {
    const controller = new AbortController();
    let pieces = 0;
    const started = performance.now();
    await assert.rejects(
      llm.generate(prompt, {
        maxNewTokens: 2000,
        temperature: 0.9,
        signal: controller.signal,
        onToken: () => {
          pieces += 1;
          if (pieces === 3) controller.abort(new Error('cancelled by the test'));
        },
      }),
      /cancelled by the test/,
    );
    assert.ok(performance.now() - started < 2000, 'far less than 2000 tokens were generated');
  });
});
