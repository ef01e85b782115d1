import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { styleProfileOf } from '@bishop/domain';
import type { TextGenerationPipeline } from '@huggingface/transformers';
import { type LanguageModel, transformersLlm } from '../../src/llm/index.ts';
import { loadLlm } from '../../src/models/index.ts';
import { buildReplyPrompt, PromptTooLongError, type ReplyPromptInput } from '../../src/replies/index.ts';
import { testModelSettings } from '../models/test-models.ts';
import { chatPairs, exchange, lecturePassages, lecturerCard } from './reply-fixtures.ts';

const full: ReplyPromptInput = {
  avatarName: 'Игорь Петрович',
  card: lecturerCard,
  style: styleProfileOf(chatPairs.map((pair) => pair.reply).concat(chatPairs.map((pair) => pair.reply))),
  knowledge: lecturePassages.map(({ id, text }) => ({ id, text })),
  exemplars: chatPairs.map(({ id, prompt, reply }) => ({ id, prompt, reply })),
  memory: [exchange('m0', 'Меня зовут Борис, запомни', 'Запомнил, Борис')],
  history: Array.from({ length: 30 }, (_, i) =>
    exchange(`h${i}`, `Вопрос номер ${i} про звёзды и планеты`, `Ответ ${i}: планеты кружат`),
  ),
  message: 'А что ты думаешь про кометы? And black holes?',
};

describe('reply prompt within the context budget (counted with the model tokenizer)', () => {
  let llm: LanguageModel;
  before(async () => {
    const generator: TextGenerationPipeline = await loadLlm(testModelSettings());
    llm = transformersLlm(generator, { modelName: 'llm-tiny-random' });
  });
  const count = (messages: Parameters<LanguageModel['countTokens']>[0]) => llm.countTokens(messages);

  it('keeps everything when it fits: card, style, knowledge, exemplars, memory, history, message', () => {
    const built = buildReplyPrompt(full, { contextTokens: 100_000, replyTokens: 256 }, count);
    const system = built.messages[0]?.content ?? '';
    assert.match(system, /You are Игорь Петрович/);
    assert.match(system, /Преподаватель астрономии/);
    assert.match(system, /How you write:\n/);
    assert.match(system, /Комета Галлея/);
    assert.match(system, /Message: Будешь чай\?\nYou: Буду, только без сахара/);
    assert.match(system, /User: Меня зовут Борис/);
    assert.equal(built.messages.length, 1 + 30 * 2 + 1);
    assert.deepEqual(built.messages.at(-1), { role: 'user', content: full.message });
    assert.deepEqual(built.kept, { history: 30, knowledge: 4, exemplars: 5, memory: 1 });
    assert.equal(built.promptTokens, count(built.messages));
    assert.deepEqual(built.sourceIds, [
      ...lecturePassages.map((p) => p.id),
      ...chatPairs.map((p) => p.id),
      'message:m0',
    ]);
  });

  it('drops the oldest history and the lowest-ranked retrieval first, and fits', () => {
    const whole = buildReplyPrompt(full, { contextTokens: 100_000, replyTokens: 0 }, count).promptTokens;
    const budget = { contextTokens: Math.floor(whole * 0.6) + 100, replyTokens: 100 };
    const built = buildReplyPrompt(full, budget, count);
    assert.ok(built.promptTokens <= budget.contextTokens - budget.replyTokens);
    assert.ok(built.kept.history < 30 && built.kept.history > 0);
    // What is kept of history is its newest end; of retrieval, its best-ranked start.
    const firstKept = built.messages[1]?.content ?? '';
    assert.equal(firstKept, `Вопрос номер ${30 - built.kept.history} про звёзды и планеты`);
    assert.deepEqual(
      built.sourceIds.slice(0, built.kept.knowledge),
      lecturePassages.slice(0, built.kept.knowledge).map((p) => p.id),
    );
    assert.deepEqual(built.messages.at(-1)?.content, full.message, 'the message always stays');
  });

  it('keeps recalled memory and the best retrieval over old history, down to the last few turns', () => {
    const recentOnly = buildReplyPrompt(
      { ...full, history: full.history.slice(-4) },
      { contextTokens: 100_000, replyTokens: 0 },
      count,
    );
    const built = buildReplyPrompt(full, { contextTokens: recentOnly.promptTokens + 50, replyTokens: 50 }, count);
    assert.deepEqual(built.kept, { history: 4, knowledge: 4, exemplars: 5, memory: 1 });
    assert.ok(built.sourceIds.includes('message:m0'));
  });

  it('gives up only when the card and the message alone do not fit', () => {
    assert.throws(
      () =>
        buildReplyPrompt(
          { ...full, message: 'очень длинное сообщение '.repeat(200) },
          { contextTokens: 600, replyTokens: 100 },
          count,
        ),
      (error: Error) =>
        error instanceof PromptTooLongError && /more than the 500 the model can read/.test(error.message),
    );
  });

  it('an untrained avatar answers from its persona card alone', () => {
    const built = buildReplyPrompt(
      { ...full, style: null, knowledge: [], exemplars: [], memory: [], history: [] },
      { contextTokens: 2048, replyTokens: 256 },
      count,
    );
    assert.equal(built.messages.length, 2);
    assert.match(built.messages[0]?.content ?? '', /Who you are: Преподаватель астрономии/);
    assert.doesNotMatch(built.messages[0]?.content ?? '', /How you write|your own words|answered similar/);
    assert.deepEqual(built.sourceIds, []);
  });

  it('does not recall what history already holds', () => {
    const built = buildReplyPrompt(
      { ...full, memory: [full.history[29] ?? exchange('x', 'x', null)] },
      { contextTokens: 100_000, replyTokens: 0 },
      count,
    );
    assert.equal(built.kept.memory, 0);
  });
});
