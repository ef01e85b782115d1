import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type CompletionDelta,
  CompletionStreamError,
  type CompletionUsage,
  completionStream,
} from '../../src/llm/index.ts';

function parse(chunks: readonly string[]) {
  const deltas: CompletionDelta[] = [];
  const usages: CompletionUsage[] = [];
  const stream = completionStream({ onDelta: (d) => deltas.push(d), onUsage: (u) => usages.push(u) });
  for (const chunk of chunks) stream.feed(chunk);
  return { deltas, usages, done: stream.done };
}

const event = (json: object) => `data: ${JSON.stringify(json)}\n\n`;

describe('OpenAI chat-completion event stream', () => {
  it('reads deltas split anywhere across network chunks, then usage and [DONE]', () => {
    const wire =
      event({ choices: [{ delta: { role: 'assistant', content: '' }, finish_reason: null }] }) +
      event({ choices: [{ delta: { content: 'При' }, finish_reason: null }] }) +
      ': keep-alive comment\n\n' +
      event({ choices: [{ delta: { content: 'вет' }, finish_reason: null }] }) +
      event({ choices: [{ delta: {}, finish_reason: 'length' }] }) +
      event({ choices: [], usage: { prompt_tokens: 12, completion_tokens: 2 } }) +
      'data: [DONE]\n\n';
    // Cut the bytes at odd places, as TCP does.
    const pieces = [wire.slice(0, 7), wire.slice(7, 50), wire.slice(50, 51), wire.slice(51)];
    const { deltas, usages, done } = parse(pieces);
    assert.equal(deltas.map((d) => d.content).join(''), 'Привет');
    assert.equal(deltas.at(-1)?.finishReason, 'length');
    assert.deepEqual(usages, [{ promptTokens: 12, completionTokens: 2 }]);
    assert.equal(done, true);
  });

  it('accepts CRLF line endings', () => {
    const { deltas } = parse([`data: ${JSON.stringify({ choices: [{ delta: { content: 'hi' } }] })}\r\n\r\n`]);
    assert.equal(deltas[0]?.content, 'hi');
  });

  it('turns an error event into an error with the server message', () => {
    assert.throws(
      () => parse([event({ error: { message: 'CUDA out of memory' } })]),
      (error: Error) => error instanceof CompletionStreamError && /CUDA out of memory/.test(error.message),
    );
  });

  it('names an unreadable event instead of crashing on it', () => {
    assert.throws(() => parse(['data: {not json\n\n']), /unreadable event: \{not json/);
  });

  it('is not done until [DONE]', () => {
    assert.equal(parse([event({ choices: [{ delta: { content: 'a' } }] })]).done, false);
  });
});
