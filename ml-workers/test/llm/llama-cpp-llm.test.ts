import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { type LanguageModel, llamaCppLlm } from '../../src/llm/index.ts';
import { loadGgufModel } from '../../src/models/index.ts';
import { realModel } from '../models/real-models.ts';

// A real GGUF from the real-model kit (npm run models:real): llama.cpp needs real weights to load at all.
const kit = realModel('llm', 'HuggingFaceTB/SmolLM2-135M-Instruct-Q4_1');
if ('skip' in kit) console.log(`SKIPPED: llama.cpp LLM engine (${kit.skip})`);

const prompt = [
  { role: 'system', content: 'You are a helpful assistant. Answer in one short sentence.' },
  { role: 'user', content: 'What is the capital of France?' },
] as const;

describe('llama.cpp LLM engine (SmolLM2-135M-Instruct Q4_1, real weights)', { skip: 'skip' in kit }, () => {
  let llm: LanguageModel;
  before(async () => {
    if ('skip' in kit) return;
    const model = await loadGgufModel(kit.settings);
    llm = await llamaCppLlm(model, { modelName: kit.model.model, maxContextTokens: 2048, parallel: 2 });
  });

  it('answers with real words, streamed in pieces that join to the reply', async () => {
    const pieces: string[] = [];
    const generation = await llm.generate(prompt, { maxNewTokens: 40, temperature: 0, onToken: (p) => pieces.push(p) });
    assert.match(generation.text, /Paris/);
    assert.ok(pieces.length >= 2, `several pieces, got ${pieces.length}`);
    assert.equal(pieces.join(''), generation.text);
    assert.equal(generation.promptTokens, llm.countTokens(prompt));
    assert.ok(generation.completionTokens > 0 && generation.completionTokens <= 40);
    assert.ok(generation.firstTokenMs !== null && generation.firstTokenMs <= generation.totalMs);
    assert.equal(llm.name, 'llama.cpp:HuggingFaceTB/SmolLM2-135M-Instruct-Q4_1');
    assert.equal(llm.contextTokens, 2048, 'the bound, below the model’s trained 8192');
  });

  it('counts the prompt with the model’s own chat template (ChatML for SmolLM2) and tokenizer', () => {
    const single = llm.countTokens([prompt[1]]);
    const both = llm.countTokens(prompt);
    // The system turn adds its words plus the template's framing (<|im_start|>system … <|im_end|>).
    assert.ok(both - single >= 12, `${both} vs ${single}`);
    assert.ok(single >= 10 && single <= 30, `"What is the capital of France?" in ChatML: ${single} tokens`);
  });

  it('is deterministic when greedy, and ends by itself (end of generation)', async () => {
    const a = await llm.generate(prompt, { maxNewTokens: 60, temperature: 0 });
    const b = await llm.generate(prompt, { maxNewTokens: 60, temperature: 0 });
    assert.equal(a.text, b.text);
    assert.equal(a.finishReason, a.completionTokens < 60 ? 'eos' : 'length');
  });

  it('ends at a stop string, which is not part of the reply', async () => {
    const full = await llm.generate(prompt, { maxNewTokens: 40, temperature: 0 });
    const stop = full.text.slice(8, 12);
    const cut = await llm.generate(prompt, { maxNewTokens: 40, temperature: 0, stop: [stop] });
    assert.equal(cut.finishReason, 'stop');
    assert.equal(cut.text, full.text.slice(0, full.text.indexOf(stop)).trimEnd());
    assert.ok(cut.completionTokens < full.completionTokens);
  });

  it('stops at max tokens with finish reason "length"', async () => {
    const generation = await llm.generate([{ role: 'user', content: 'Count from one to one hundred.' }], {
      maxNewTokens: 5,
      temperature: 0,
    });
    assert.equal(generation.finishReason, 'length');
    assert.equal(generation.completionTokens, 5);
  });

  it('stops promptly when aborted, rejecting with the reason, and the sequence serves the next reply', async () => {
    const controller = new AbortController();
    let pieces = 0;
    await assert.rejects(
      llm.generate([{ role: 'user', content: 'Write a long story about the sea.' }], {
        maxNewTokens: 2000,
        temperature: 0.8,
        signal: controller.signal,
        onToken: () => {
          pieces += 1;
          if (pieces === 3) controller.abort(new Error('cancelled by the test'));
        },
      }),
      /cancelled by the test/,
    );
    assert.ok(pieces < 10, `stopped after ${pieces} pieces`);
    const next = await llm.generate(prompt, { maxNewTokens: 20, temperature: 0 });
    assert.match(next.text, /Paris/);
  });

  it('generates two replies at once (one context sequence each), and a third waits its turn', async () => {
    const replies = await Promise.all([0, 1, 2].map(() => llm.generate(prompt, { maxNewTokens: 12, temperature: 0 })));
    assert.equal(new Set(replies.map((r) => r.text)).size, 1, 'greedy: the same words from each sequence');
  });
});
