import { createHash, randomInt } from 'node:crypto';
import { asAvatarTestReport, avatarLimits, DomainError } from '@bishop/domain';
import { findAvatarById, listTestReports, type ReadModels } from '@bishop/projections';
import type { Kysely } from 'kysely';

/** A held-out message with the person's real reply and the avatar's (as the automatic test generated it). */
interface HeldOutPair {
  readonly index: number;
  readonly message: string;
  readonly real: string;
  readonly avatar: string;
}

/** What a guesser sees: the message and both replies, shuffled, each under an id that says nothing of its author. */
export interface BlindTestRound {
  readonly personaVersion: number;
  readonly pairs: readonly {
    readonly index: number;
    readonly message: string;
    readonly options: readonly { readonly id: string; readonly text: string }[];
  }[];
}

/** A reply's option id: derived from its text alone, so the id tells no more than the text does. */
const optionId = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

/**
 * The active persona version's pairs: the held-out examples of its latest
 * test report where the avatar replied with something other than the real reply.
 * Null when the avatar has no version, or its test has no such examples yet.
 */
async function activePairs(
  db: Kysely<ReadModels>,
  ownerId: string,
  avatarId: string,
): Promise<{ personaVersion: number; pairs: HeldOutPair[] } | null> {
  const avatar = await findAvatarById(db, ownerId, avatarId);
  const personaVersion = avatar?.deleted_at === null ? avatar.active_persona_version : null;
  if (personaVersion === null || personaVersion === undefined) return null;
  const reports = await listTestReports(db, ownerId, avatarId);
  const report = reports
    .filter((row) => row.persona_version === personaVersion && row.report !== null)
    .map((row) => asAvatarTestReport(row.report))
    .find((read) => read !== null);
  if (!report) return null;
  const pairs = report.examples
    .slice(0, avatarLimits.blindTestPairsMax)
    .flatMap((example, index) =>
      example.newVersion !== null && example.newVersion.trim() !== example.real.trim()
        ? [{ index, message: example.message, real: example.real, avatar: example.newVersion }]
        : [],
    );
  return pairs.length === 0 ? null : { personaVersion, pairs };
}

/** A fresh shuffle of the active version's pairs (null: nothing to test yet). */
export async function blindTestRound(
  db: Kysely<ReadModels>,
  ownerId: string,
  avatarId: string,
): Promise<BlindTestRound | null> {
  const active = await activePairs(db, ownerId, avatarId);
  if (!active) return null;
  return {
    personaVersion: active.personaVersion,
    pairs: active.pairs.map((pair) => {
      const options = [pair.real, pair.avatar].map((text) => ({ id: optionId(text), text }));
      return { index: pair.index, message: pair.message, options: randomInt(2) === 0 ? options : options.reverse() };
    }),
  };
}

/**
 * Whether `chosen` is the real reply of a pair of the active version; the guess
 * must name that version and one of the pair's two replies.
 */
export async function judgeGuess(
  db: Kysely<ReadModels>,
  ownerId: string,
  avatarId: string,
  guess: { personaVersion: number; pairIndex: number; optionId: string },
): Promise<{ correct: boolean; realOptionId: string }> {
  const active = await activePairs(db, ownerId, avatarId);
  if (!active || active.personaVersion !== guess.personaVersion) {
    throw new DomainError(
      'BISHOP_ERR_INVALID_STATE',
      'The avatar now answers with another version: load the test again',
      { field: 'personaVersion' },
    );
  }
  const pair = active.pairs.find((candidate) => candidate.index === guess.pairIndex);
  const realOptionId = pair ? optionId(pair.real) : null;
  if (!pair || realOptionId === null || ![realOptionId, optionId(pair.avatar)].includes(guess.optionId)) {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', 'Pick one of the two replies shown for this message', {
      field: 'optionId',
    });
  }
  return { correct: guess.optionId === realOptionId, realOptionId };
}
