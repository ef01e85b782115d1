import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configFromEnvironment } from '../src/config/config.ts';

describe('reply configuration (BISHOP_REPLY_* / BISHOP_LLM_*)', () => {
  it('defaults to auto mode with a local model bounded to 4096 tokens and no remote endpoint', () => {
    const { replies } = configFromEnvironment({});
    assert.deepEqual(replies, {
      mode: 'auto',
      remote: undefined,
      maxContextTokens: 4096,
      threads: undefined,
      maxNewTokens: 256,
      temperature: 0.7,
      timeoutMs: 120_000,
    });
  });

  it('configures an OpenAI-compatible endpoint', () => {
    const { replies } = configFromEnvironment({
      BISHOP_LLM_URL: 'http://10.0.0.7:8000/v1',
      BISHOP_LLM_API_KEY: 'sk-1',
      BISHOP_LLM_REMOTE_MODEL: 'Qwen/Qwen2.5-7B-Instruct',
      BISHOP_LLM_CONTEXT_TOKENS: '32768',
    });
    assert.deepEqual(replies.remote, {
      url: 'http://10.0.0.7:8000/v1',
      apiKey: 'sk-1',
      model: 'Qwen/Qwen2.5-7B-Instruct',
      contextTokens: 32768,
      allowLinkLocal: false,
    });
  });

  it('reports every problem at once, in words', () => {
    assert.throws(
      () =>
        configFromEnvironment({
          BISHOP_REPLY_MODE: 'remote',
          BISHOP_REPLY_TEMPERATURE: '5',
          BISHOP_REPLY_MAX_TOKENS: 'many',
        }),
      (error: Error) =>
        /BISHOP_REPLY_TEMPERATURE/.test(error.message) &&
        /BISHOP_REPLY_MAX_TOKENS must be a number of tokens/.test(error.message) &&
        /BISHOP_LLM_URL is required when BISHOP_REPLY_MODE=remote/.test(error.message),
    );
    assert.throws(
      () => configFromEnvironment({ BISHOP_LLM_URL: 'http://llm:8000/v1' }),
      /BISHOP_LLM_REMOTE_MODEL is required when BISHOP_LLM_URL is set/,
    );
  });

  it('refuses a link-local or metadata endpoint unless allowed', () => {
    assert.throws(
      () => configFromEnvironment({ BISHOP_LLM_URL: 'http://169.254.169.254/v1', BISHOP_LLM_REMOTE_MODEL: 'm' }),
      /BISHOP_LLM_URL is refused: 169\.254\.169\.254 is a link-local or cloud-metadata address \(set BISHOP_LLM_ALLOW_LINK_LOCAL=true/,
    );
    const allowed = configFromEnvironment({
      BISHOP_LLM_URL: 'http://169.254.10.1/v1',
      BISHOP_LLM_REMOTE_MODEL: 'm',
      BISHOP_LLM_ALLOW_LINK_LOCAL: 'true',
    });
    assert.equal(allowed.replies.remote?.allowLinkLocal, true);
  });
});
