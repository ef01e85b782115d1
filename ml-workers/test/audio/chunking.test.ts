import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type ChunkingOptions,
  chunkSpeech,
  fileTime,
  type SilenceSkipped,
  type SpeechChunk,
  sampleRate,
  type VadFrame,
  vadWindowSamples,
} from '../../src/audio/index.ts';
import { frames } from './vad-frames.ts';

async function chunksOf(source: AsyncIterable<VadFrame>, options?: ChunkingOptions) {
  const chunks: SpeechChunk[] = [];
  const skipped: SilenceSkipped[] = [];
  for await (const item of chunkSpeech(source, options)) {
    if (item.type === 'chunk') chunks.push(item);
    else skipped.push(item);
  }
  return { chunks, skipped };
}

const near = (actual: number, expected: number, tolerance = 0.05) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not within ${tolerance} of ${expected}`);

/** Each span of a chunk holds exactly the stream's samples from its start to its end, in order. */
function assertSpansExact(chunk: SpeechChunk) {
  let offset = 0;
  for (const span of chunk.spans) {
    assert.equal(Math.round(span.offsetSec * sampleRate), offset);
    const first = Math.round(span.startSec * sampleRate);
    const length = Math.round(span.endSec * sampleRate) - first;
    const samples = chunk.samples.subarray(offset, offset + length);
    assert.ok(
      samples.every((value, i) => value === first + i),
      `span ${span.startSec}–${span.endSec}`,
    );
    offset += length;
  }
  assert.equal(offset, chunk.samples.length);
}

describe('chunking speech for Whisper', () => {
  it('hard-cuts continuous speech at the limit when there is no pause', async () => {
    const { chunks } = await chunksOf(frames(70, () => true));
    assert.deepEqual(
      chunks.map((c) => [c.startSec, c.endSec].map((s) => Math.round(s))),
      [
        [0, 28],
        [28, 56],
        [56, 70],
      ],
    );
    for (const chunk of chunks) {
      assert.ok(chunk.endSec - chunk.startSec <= 28.04, 'never longer than the limit (plus one frame)');
      assertSpansExact(chunk);
    }
  });

  it('cuts in the longest pause near the limit, not in an earlier or shorter one', async () => {
    const pause = (sec: number) => (sec >= 10 && sec < 11) || (sec >= 21 && sec < 21.3) || (sec >= 24 && sec < 24.8);
    const { chunks } = await chunksOf(frames(40, (sec) => !pause(sec)));
    near(chunks[0]?.endSec ?? 0, 24.4);
    near(chunks[1]?.startSec ?? 0, 24.4);
    near(chunks[1]?.endSec ?? 0, 40, 0.1);
    chunks.forEach(assertSpansExact);
  });

  it('leaves long silences out and joins the speech around them into one chunk', async () => {
    const speech = (sec: number) => sec < 5 || (sec >= 13 && sec < 18);
    const { chunks, skipped } = await chunksOf(frames(21, speech));
    assert.equal(chunks.length, 1);
    const [chunk] = chunks as [SpeechChunk];
    assert.equal(chunk.spans.length, 2);
    near(chunk.spans[0]?.endSec ?? 0, 5.2);
    near(chunk.spans[1]?.startSec ?? 0, 12.8);
    near(chunk.endSec, 18.2);
    near(chunk.samples.length / sampleRate, 10.6, 0.1);
    near(chunk.speechSec, 10);
    assertSpansExact(chunk);
    assert.deepEqual(skipped, [], 'no progress is claimed past audio still waiting in a chunk');
  });

  it('sends a waiting chunk once the silence after it goes on, then reports progress through the silence', async () => {
    const speech = (sec: number) => sec < 5 || (sec >= 25 && sec < 28);
    const { chunks, skipped } = await chunksOf(frames(40, speech));
    assert.equal(chunks.length, 2);
    near(chunks[0]?.endSec ?? 0, 5.2);
    near(chunks[1]?.startSec ?? 0, 24.8);
    assert.ok(skipped.length >= 1 && skipped.every((s) => s.untilSec > 15), JSON.stringify(skipped));
  });

  it('cuts a full chunk where a long silence was left out', async () => {
    const speech = (sec: number) => sec < 20 || (sec >= 23 && sec < 40);
    const { chunks } = await chunksOf(frames(40, speech));
    near(chunks[0]?.endSec ?? 0, 20.2);
    assert.equal(chunks[0]?.spans.length, 1);
    near(chunks[1]?.startSec ?? 0, 22.8);
    chunks.forEach(assertSpansExact);
  });

  it('maps times inside a joined chunk back to the file', async () => {
    const speech = (sec: number) => sec < 5 || (sec >= 13 && sec < 18);
    const [chunk] = (await chunksOf(frames(20, speech))).chunks as [SpeechChunk];
    const joint = chunk.spans[1]?.offsetSec ?? 0;
    near(fileTime(chunk, 1, 'start'), 1);
    near(fileTime(chunk, joint + 1, 'start'), 13.8);
    assert.equal(fileTime(chunk, joint, 'start'), chunk.spans[1]?.startSec);
    assert.equal(fileTime(chunk, joint, 'end'), chunk.spans[0]?.endSec);
  });

  it('keeps a short silence at the start and end of the file, so a short clip reaches Whisper whole', async () => {
    const { chunks } = await chunksOf(frames(6, (sec) => sec >= 1.5 && sec < 4.5));
    assert.equal(chunks.length, 1);
    assert.deepEqual(chunks[0]?.spans, [{ offsetSec: 0, startSec: 0, endSec: 6 }]);
    assert.equal(chunks[0]?.samples.length, 6 * sampleRate);
  });

  it('keeps short pauses inside a chunk', async () => {
    const speech = (sec: number) => sec < 4 || (sec >= 5 && sec < 9);
    const { chunks } = await chunksOf(frames(12, speech));
    assert.equal(chunks.length, 1);
    near(chunks[0]?.endSec ?? 0, 9.2);
  });

  it('drops clicks too short to be speech, alone or between speech', async () => {
    assert.deepEqual((await chunksOf(frames(10, (sec) => sec >= 3 && sec < 3.1))).chunks, []);
    const click = (sec: number) => sec < 4 || (sec >= 8 && sec < 8.1) || sec >= 12;
    const [chunk] = (await chunksOf(frames(16, click))).chunks;
    assert.deepEqual(
      chunk?.spans.map((s) => Math.round(s.startSec)),
      [0, 12],
    );
  });

  it('holds one chunk at most, however long the stream', async () => {
    let longest = 0;
    for await (const item of chunkSpeech(frames(600, (sec) => sec % 40 < 33))) {
      if (item.type === 'chunk') longest = Math.max(longest, item.samples.length);
    }
    assert.ok(longest <= 28 * sampleRate + vadWindowSamples);
  });
});
