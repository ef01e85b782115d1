import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractDocument } from '../../src/extraction/index.ts';
import { assertFailure, fixture } from './fixtures.ts';

const read = (name: string, bytes = fixture(`documents/${name}`)) =>
  extractDocument({ bytes, fileName: name, mediaType: 'application/octet-stream' });

describe('subtitles', () => {
  it('keeps each .srt cue with its times and without markup', async () => {
    const result = await read('lecture.srt');
    assert.equal(result.format, 'subtitles');
    assert.deepEqual(result.segments, [
      { startSec: 1, endSec: 4.2, text: 'Добрый вечер, коллеги.' },
      { startSec: 4.5, endSec: 8, text: 'Сегодня мы поговорим о радио.' },
      { startSec: 68.5, endSec: 71.25, text: 'Кто же его изобрёл?' },
    ]);
    assert.equal(result.durationSec, 71.25);
  });

  it('reads .vtt without its header, notes, voice and class tags or entities', async () => {
    const result = await read('lecture.vtt');
    assert.deepEqual(
      result.segments.map((s) => [s.startSec, s.text]),
      [
        [1, 'Добрый вечер, коллеги.'],
        [4.5, 'Сегодня мы поговорим & спорим о радио.'],
        [68.5, 'Кто же его изобрёл?'],
      ],
    );
    assert.doesNotMatch(result.text, /WEBVTT|NOTE|Лектор|комментарий/);
  });

  it('reads .vtt with a byte order mark and Windows line endings, and ffmpeg’s .vtt, like the plain one', async () => {
    const plain = await read('lecture.vtt');
    assert.deepEqual((await read('lecture.bom-crlf.vtt')).segments, plain.segments);
    const converted = await read('lecture.ffmpeg.vtt');
    assert.deepEqual(
      converted.segments.map((s) => [s.startSec, s.endSec, s.text]),
      [
        [1, 4.2, 'Добрый вечер, коллеги.'],
        [4.5, 8, 'Сегодня мы поговорим о радио.'],
        [68.5, 71.25, 'Кто же его изобрёл?'],
      ],
    );
  });

  it('refuses a .srt file without a single cue', async () => {
    await assertFailure(
      read('lecture.srt', fixture('documents/mixed-ru-en.txt')),
      'UNSUPPORTED_FORMAT',
      'This file is called .srt but it holds no subtitle cues',
    );
  });
});
