import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyPersonaCard } from '@bishop/domain';
import { type ReplySettings, replyEngines } from '../../src/replies/index.ts';
import { realModel } from '../models/real-models.ts';

// The reply engine picks llama.cpp for a GGUF model: needs the kit's real GGUF (npm run models:real).
const kit = realModel('llm', 'HuggingFaceTB/SmolLM2-135M-Instruct-Q4_1');
if ('skip' in kit) console.log(`SKIPPED: replies on the llama.cpp engine (${kit.skip})`);

const settings: ReplySettings = {
  mode: 'local',
  remote: undefined,
  maxContextTokens: 2048,
  maxNewTokens: 24,
  temperature: 0,
  timeoutMs: 60_000,
};

describe('replies with a local GGUF model', { skip: 'skip' in kit }, () => {
  it('run on llama.cpp, which /readyz names without loading the model', async () => {
    if ('skip' in kit) return;
    const engines = replyEngines(settings, kit.settings);
    assert.equal(await engines.describe(), `llm: llama.cpp:${kit.model.model}`);
    const engine = await engines.current();
    assert.ok(engine.responder, 'the local engine answers');
    assert.match(
      engine.description,
      /^llm: llama\.cpp:HuggingFaceTB\/SmolLM2-135M-Instruct-Q4_1, 2048 tokens of context$/,
    );
    const pieces: string[] = [];
    const reply = await engine.responder.respond(
      {
        avatarName: 'Ada',
        card: emptyPersonaCard(),
        persona: null,
        earlier: [],
        message: 'What is the capital of France?',
      },
      { signal: new AbortController().signal, onToken: (piece) => pieces.push(piece) },
    );
    assert.equal(reply.model, `llama.cpp:${kit.model.model}`);
    assert.equal(pieces.join(''), reply.text);
    assert.ok(reply.promptTokens > 0 && reply.completionTokens > 0);
  });
});
