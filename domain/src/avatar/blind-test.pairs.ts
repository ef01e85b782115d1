import { asAvatarTestReport } from '../fidelity/avatar-test-report.ts';
import { DomainError } from '../kernel/errors.ts';
import { avatarLimits } from './avatar.limits.ts';
import type { LiveAvatar } from './avatar.state.ts';

/** A held-out message with the person's real reply and the avatar's (as the automatic test generated it). */
export interface BlindTestPair {
  readonly index: number;
  readonly message: string;
  readonly real: string;
  readonly avatar: string;
}

/**
 * The pairs a test report gives the blind test: its first held-out examples
 * where the avatar replied with something other than the real reply.
 */
export function blindTestPairs(report: unknown): BlindTestPair[] {
  const read = asAvatarTestReport(report);
  if (!read) return [];
  return read.examples
    .slice(0, avatarLimits.blindTestPairsMax)
    .flatMap((example, index) =>
      example.newVersion !== null && example.newVersion.trim() !== example.real.trim()
        ? [{ index, message: example.message, real: example.real, avatar: example.newVersion }]
        : [],
    );
}

/** The active persona version's pairs, from the latest test of that version (none before a test). */
export function activeBlindTestPairs(avatar: LiveAvatar): { personaVersion: number; pairs: BlindTestPair[] } | null {
  const personaVersion = avatar.activePersonaVersion;
  if (personaVersion === null) return null;
  const run = avatar.finishedRuns.get(avatar.personaVersions.get(personaVersion) ?? '');
  const pairs = run?.status === 'completed' ? blindTestPairs(run.lastReport) : [];
  return pairs.length === 0 ? null : { personaVersion, pairs };
}

/** Whether `chosenReply` is the real reply of pair `pairIndex`; it must be one of that pair's two replies. */
export function judgeBlindTestGuess(
  pairs: readonly BlindTestPair[],
  pairIndex: number,
  chosenReply: string | null,
): boolean {
  const pair = pairs.find((candidate) => candidate.index === pairIndex);
  if (!pair || chosenReply === null || (chosenReply !== pair.real && chosenReply !== pair.avatar)) {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', 'Pick one of the two replies shown for this message', {
      field: 'optionId',
    });
  }
  return chosenReply === pair.real;
}
