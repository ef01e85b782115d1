import { createHash, randomInt } from 'node:crypto';
import { asAvatarTestReport, type BlindTestPair, blindTestPairs, judgeBlindTestGuess } from '@bishop/domain';
import { findAvatarById, listTestReports, type ReadModels } from '@bishop/projections';
import type { Kysely } from 'kysely';

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

/** The pairs of a persona version's latest test report (none without one). */
async function pairsOf(
  db: Kysely<ReadModels>,
  ownerId: string,
  avatarId: string,
  personaVersion: number,
): Promise<BlindTestPair[]> {
  const reports = await listTestReports(db, ownerId, avatarId);
  const latest = reports.find((row) => row.persona_version === personaVersion && asAvatarTestReport(row.report));
  return latest ? blindTestPairs(latest.report) : [];
}

/**
 * The active persona version's pairs (the decider judges guesses against the
 * same ones, from the avatar's events). Null when the avatar has no version,
 * or its test has no pairs yet.
 */
async function activePairs(
  db: Kysely<ReadModels>,
  ownerId: string,
  avatarId: string,
): Promise<{ personaVersion: number; pairs: BlindTestPair[] } | null> {
  const avatar = await findAvatarById(db, ownerId, avatarId);
  const personaVersion = avatar?.deleted_at === null ? avatar.active_persona_version : null;
  if (personaVersion === null || personaVersion === undefined) return null;
  const pairs = await pairsOf(db, ownerId, avatarId, personaVersion);
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

/** A guess as the guesser sent it: an option id of a pair this gateway showed. */
export interface OptionGuess {
  readonly personaVersion: number;
  readonly pairIndex: number;
  readonly optionId: string;
}

/**
 * The chosen option's text (null when the id is none of the pair's) for the
 * decider to judge, and how to answer the guesser once it has: which option was real.
 */
export async function decodeGuess(db: Kysely<ReadModels>, ownerId: string, avatarId: string, guess: OptionGuess) {
  const pairs = await pairsOf(db, ownerId, avatarId, guess.personaVersion);
  const pair = pairs.find((candidate) => candidate.index === guess.pairIndex);
  const chosenReply = pair
    ? ([pair.real, pair.avatar].find((text) => optionId(text) === guess.optionId) ?? null)
    : null;
  const otherOptionId = pair ? [pair.real, pair.avatar].map(optionId).find((id) => id !== guess.optionId) : undefined;
  return {
    chosenReply,
    /** The answer from the decider's verdict, or (a repeated guess records none) from the same rule on the pairs. */
    answer(correct: boolean | null): { correct: boolean; realOptionId: string } {
      const judged = correct ?? judgeBlindTestGuess(pairs, guess.pairIndex, chosenReply);
      return { correct: judged, realOptionId: judged ? guess.optionId : (otherOptionId ?? guess.optionId) };
    },
  };
}
