import { parse } from '@plussub/srt-vtt-parser';
import { decodeText } from './decode-text.ts';
import { type ExtractedText, toExtractedText } from './extracted-text.ts';
import { ExtractionFailure } from './extraction-failure.ts';

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', nbsp: ' ', quot: '"', apos: "'" };

/** .srt and .vtt: one segment per cue, with its times; markup and comments dropped. */
export function extractSubtitles(bytes: Uint8Array, claimedAs: string): ExtractedText {
  const { text, encoding } = decodeText(bytes, { claimedAs });
  const cues = parseCues(text.replace(/\r\n?/g, '\n'));
  if (cues.length === 0) {
    throw new ExtractionFailure('UNSUPPORTED_FORMAT', `This file is called ${claimedAs} but it holds no subtitle cues`);
  }
  return toExtractedText(
    'subtitles',
    cues.map((cue) => ({ startSec: cue.from / 1000, endSec: cue.to / 1000, text: withoutMarkup(cue.text) })),
    { encoding, separator: '\n' },
  );
}

function parseCues(text: string): { from: number; to: number; text: string }[] {
  try {
    return parse(text).entries;
  } catch {
    return []; // the parser throws on text without a single cue
  }
}

/** Tags (<i>, <v Speaker>, <c.yellow>, <00:01.000>), SSA overrides ({\an8}) and entities. */
function withoutMarkup(cue: string): string {
  return cue
    .replace(/<[^>\n]*>/g, '')
    .replace(/\{\\[^}]*\}/g, '')
    .replace(/&(amp|lt|gt|nbsp|quot|apos);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(/&lrm;|&rlm;/g, '')
    .replace(/[ \t]*\n[ \t]*/g, ' ');
}
