import { DomainError } from '../kernel/errors.ts';
import { validId } from '../kernel/ids.ts';
import { jsonEquals, validJsonObject } from '../kernel/json.ts';
import { validNumber } from '../kernel/numbers.ts';
import type { ActivatePersonaVersion, RecordAvatarTest, StartAvatarTest } from './avatar.commands.ts';
import type { AvatarTested, AvatarTestStarted, PersonaVersionActivated } from './avatar.events.ts';
import { testReportRule } from './avatar.limits.ts';
import type { FinishedRun, LiveAvatar } from './avatar.state.ts';

/** A test in progress is shown as running; a redelivered start while it runs appends nothing. */
export function startAvatarTest({ data }: StartAvatarTest, avatar: LiveAvatar): AvatarTestStarted[] {
  const runId = validId(data.runId, 'Run id');
  const run = completedRun(avatar, runId);
  if (run.testing) return [];
  return [{ type: 'AvatarTestStarted', data: { runId, personaVersion: run.personaVersion } }];
}

/** A run can be tested again (e.g. with a better test); the same report twice is a redelivery. */
export function recordAvatarTest({ data }: RecordAvatarTest, avatar: LiveAvatar): AvatarTested[] {
  const runId = validId(data.runId, 'Run id');
  const report = validJsonObject(data.report, testReportRule);
  const run = completedRun(avatar, runId);
  if (!run.testing && jsonEquals(run.lastReport, report)) return [];
  return [{ type: 'AvatarTested', data: { runId, personaVersion: run.personaVersion, report } }];
}

function completedRun(avatar: LiveAvatar, runId: string): Extract<FinishedRun, { status: 'completed' }> {
  const run = avatar.finishedRuns.get(runId);
  if (run?.status !== 'completed') {
    throw new DomainError('BISHOP_ERR_INVALID_STATE', 'Only a completed training run can be tested', { runId });
  }
  return run;
}

/** Rollback and roll-forward: any completed version may answer for the avatar. */
export function activatePersonaVersion(
  { data }: ActivatePersonaVersion,
  avatar: LiveAvatar,
): PersonaVersionActivated[] {
  const personaVersion = validNumber(data.personaVersion, { field: 'Persona version', min: 1, integer: true });
  if (!avatar.personaVersions.has(personaVersion)) {
    throw new DomainError(
      'BISHOP_ERR_NOT_FOUND',
      `Persona version ${personaVersion} does not exist; only completed training runs produce versions`,
      { personaVersion },
    );
  }
  if (avatar.activePersonaVersion === personaVersion) return [];
  return [{ type: 'PersonaVersionActivated', data: { personaVersion } }];
}
