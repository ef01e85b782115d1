import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// tests/fixtures/audio/make-fixtures.sh makes the clips once per machine and prints where.
const script = fileURLToPath(new URL('../../../tests/fixtures/audio/make-fixtures.sh', import.meta.url));
const directory = execFileSync('bash', [script], { encoding: 'utf8' }).trim();

export function fixture(name: string): string {
  return join(directory, name);
}

/** Who speaks when in a recording. */
export interface Turn {
  readonly voice: 'person' | 'other';
  readonly startSec: number;
  readonly endSec: number;
}

export function interviewTurns(): Turn[] {
  return JSON.parse(readFileSync(fixture('interview-two-voices.turns.json'), 'utf8')) as Turn[];
}

/** Who speaks when in conversation.{wav,mp3,mp4}: quick turns, short ones under 2 s (times are the speech itself). */
export function conversationTurns(): Turn[] {
  return JSON.parse(readFileSync(fixture('conversation.turns.json'), 'utf8')) as Turn[];
}
