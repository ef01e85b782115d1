import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NoReplyError, type ReplyRequest, retrievalResponder } from '../../src/replies/index.ts';
import { exchange, lecturerCard, openedLecturer } from './reply-fixtures.ts';

const persona = openedLecturer();
const request = (message: string, earlier: ReplyRequest['earlier'] = []): ReplyRequest => ({
  message,
  avatarName: 'Игорь Петрович',
  card: lecturerCard,
  persona,
  earlier,
});

async function answer(req: ReplyRequest) {
  const pieces: string[] = [];
  const result = await retrievalResponder().respond(req, {
    signal: AbortSignal.timeout(10_000),
    onToken: (p) => pieces.push(p),
  });
  return { result, pieces };
}

describe('retrieval responder (no LLM)', () => {
  it("answers with the person's own reply to the most similar past message, streamed word by word", async () => {
    const { result, pieces } = await answer(request('А комету Галлея ты видел?'));
    assert.equal(result.text, 'Видел, в восемьдесят шестом, с крыши общежития');
    assert.deepEqual(result.sourceIds, ['chat:comet']);
    assert.equal(result.model, 'retrieval');
    assert.ok(pieces.length >= 5);
    assert.equal(pieces.join(''), result.text);
  });

  it('works for English and mixed messages', async () => {
    assert.deepEqual((await answer(request('How are you doing today?'))).result.sourceIds, ['chat:english']);
    assert.deepEqual((await answer(request('Что делаешь на weekend, на выходных?'))).result.sourceIds, [
      'chat:weekend',
    ]);
  });

  it('reads a short follow-up with the exchange before it', async () => {
    const earlier = [exchange('m1', 'Поедем за город на выходных?', 'Можно')];
    const { result } = await answer(request('А ты что делаешь?', earlier));
    assert.deepEqual(result.sourceIds, ['chat:weekend']);
  });

  it('does not give the same reply twice in a chat when another fits', async () => {
    const earlier = [exchange('m1', 'Ты видел комету Галлея?', 'Видел, в восемьдесят шестом, с крыши общежития')];
    const { result } = await answer(request('Привет! Комету Галлея видел?', earlier));
    assert.deepEqual(result.sourceIds, ['chat:hello']);
    // With nothing else fitting, repeating beats saying nothing.
    assert.deepEqual((await answer(request('Комету Галлея видел?', earlier))).result.sourceIds, ['chat:comet']);
  });

  it('falls back to what the person said on the subject when no past message fits', async () => {
    const { result } = await answer(request('Почему Луна повёрнута одной стороной?'));
    assert.deepEqual(result.sourceIds, ['lecture:moon']);
    assert.match(result.text, /^Луна всегда повёрнута/);
  });

  it('says clearly why an untrained avatar cannot answer without an LLM', async () => {
    await assert.rejects(
      answer({ ...request('Привет'), persona: null }),
      (error: Error) =>
        error instanceof NoReplyError && error.reasonCode === 'NOT_TRAINED' && /train it first/.test(error.message),
    );
    await assert.rejects(
      answer(request('Квазиунитарные гомоморфизмы')),
      (error: Error) => error instanceof NoReplyError && error.reasonCode === 'NO_MATCH',
    );
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop now'));
    await assert.rejects(
      retrievalResponder().respond(request('Будешь чай?'), { signal: controller.signal, onToken: () => {} }),
      /stop now/,
    );
  });
});
