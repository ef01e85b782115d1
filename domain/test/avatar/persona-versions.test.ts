import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { avatarDecider } from '../../src/avatar/avatar.decider.ts';
import type { AvatarEvent } from '../../src/avatar/avatar.events.ts';
import { avatarFactsOf } from '../../src/avatar/avatar.facts.ts';
import { foldEvents } from '../../src/kernel/decider.ts';
import type { JsonObject } from '../../src/kernel/json.ts';
import {
  asWorker,
  avatarCommand,
  avatarSpec,
  created,
  deleted,
  NEXT_RUN,
  RUN,
  trainedOnce,
  training,
  trainingCompleted,
  trainingStarted,
} from '../support/avatar-history.ts';
import { AVATAR, id, OWNER } from '../support/ids.ts';

const activate = (personaVersion: number) => avatarCommand('ActivatePersonaVersion', { personaVersion });
const activated = (personaVersion: number): AvatarEvent => ({
  type: 'PersonaVersionActivated',
  data: { personaVersion },
});
const report: JsonObject = { text: { fidelity: 0.62, lift: 0.21 }, voice: { similarity: 0.81 } };
const test = (runId = RUN, body: JsonObject = report) =>
  avatarCommand('RecordAvatarTest', { runId, report: body }, asWorker);
const tested: AvatarEvent = { type: 'AvatarTested', data: { runId: RUN, personaVersion: 1, report } };
const trainedTwice = [...trainedOnce, trainingStarted(NEXT_RUN), trainingCompleted(NEXT_RUN, 2)];
const activeVersionAfter = (history: AvatarEvent[]) =>
  avatarFactsOf(foldEvents(avatarDecider, history))?.activePersonaVersion;

describe('persona versions', () => {
  describe('the active version', () => {
    it('is none before any run completed', () => {
      assert.equal(activeVersionAfter(training), null);
    });

    it('is the version a completed run produced', () => {
      assert.equal(activeVersionAfter(trainedTwice), 2);
    });

    it('stays the same when a run fails', () => {
      const history = [
        ...trainedOnce,
        trainingStarted(NEXT_RUN),
        { type: 'TrainingFailed', data: { runId: NEXT_RUN, reasonCode: 'OOM', reason: 'Out of memory.' } },
      ] satisfies AvatarEvent[];
      assert.equal(activeVersionAfter(history), 1);
      avatarSpec.given(history).when(activate(1)).then([]);
      avatarSpec.given(history).when(activate(2)).thenThrows('BISHOP_ERR_NOT_FOUND');
    });

    it('stays the same when a run is stopped', () => {
      const history = [
        ...trainedOnce,
        trainingStarted(NEXT_RUN),
        { type: 'TrainingStopped', data: { runId: NEXT_RUN } },
      ] satisfies AvatarEvent[];
      assert.equal(activeVersionAfter(history), 1);
      avatarSpec.given(history).when(activate(2)).thenThrows('BISHOP_ERR_NOT_FOUND');
    });

    it('is what the user rolled back to', () => {
      assert.equal(activeVersionAfter([...trainedTwice, activated(1)]), 1);
    });
  });

  describe('when two versions exist', () => {
    it('rolls back to version 1', () => {
      avatarSpec
        .given(trainedTwice)
        .when(activate(1))
        .then([activated(1)]);
    });

    it('rolls forward to version 2 again', () => {
      avatarSpec
        .given([...trainedTwice, activated(1)])
        .when(activate(2))
        .then([activated(2)]);
    });

    it('ignores activating the active version', () => {
      avatarSpec.given(trainedTwice).when(activate(2)).then([]);
    });

    it('rejects a version no run produced', () => {
      avatarSpec
        .given(trainedTwice)
        .when(activate(3))
        .thenThrows('BISHOP_ERR_NOT_FOUND', /Persona version 3/);
    });

    for (const version of [0, -1, 1.5]) {
      it(`rejects the version ${version}`, () => {
        avatarSpec.given(trainedTwice).when(activate(version)).thenThrows('BISHOP_ERR_INVALID_VALUE');
      });
    }

    it('activates an earlier version while a new run trains', () => {
      avatarSpec
        .given([...trainedTwice, trainingStarted(id(43))])
        .when(activate(1))
        .then([activated(1)]);
    });
  });

  describe('testing the avatar', () => {
    const start = (runId = RUN) => avatarCommand('StartAvatarTest', { runId }, asWorker);
    const started: AvatarEvent = { type: 'AvatarTestStarted', data: { runId: RUN, personaVersion: 1 } };

    it('starts a test of a completed run, shown as running', () => {
      avatarSpec.given(trainedOnce).when(start()).then([started]);
    });

    it('ignores a start delivered again while the test runs, and starts a retest once it reported', () => {
      avatarSpec
        .given([...trainedOnce, started])
        .when(start())
        .then([]);
      avatarSpec
        .given([...trainedOnce, started, tested])
        .when(start())
        .then([started]);
    });

    it('ends a running test with its report even when the report equals the last one', () => {
      avatarSpec
        .given([...trainedOnce, tested, started])
        .when(test())
        .then([tested]);
    });

    it('rejects starting a test of a run still in progress', () => {
      avatarSpec
        .given(training)
        .when(start())
        .thenThrows('BISHOP_ERR_INVALID_STATE', /completed training run/);
    });

    it('records the report against the version the run produced', () => {
      avatarSpec.given(trainedOnce).when(test()).then([tested]);
    });

    it('records the report of an older version', () => {
      avatarSpec.given(trainedTwice).when(test(RUN)).then([tested]);
    });

    it('ignores the same report delivered again', () => {
      avatarSpec
        .given([...trainedOnce, tested])
        .when(test())
        .then([]);
    });

    it('records a new report of a run tested before', () => {
      const retest: JsonObject = { text: { fidelity: 0.64, lift: 0.2 } };
      avatarSpec
        .given([...trainedOnce, tested])
        .when(test(RUN, retest))
        .then([{ type: 'AvatarTested', data: { runId: RUN, personaVersion: 1, report: retest } }]);
    });

    it('rejects testing a run still in progress', () => {
      avatarSpec
        .given(training)
        .when(test())
        .thenThrows('BISHOP_ERR_INVALID_STATE', /completed training run/);
    });

    it('rejects testing a failed run', () => {
      avatarSpec
        .given([
          ...training,
          { type: 'TrainingFailed', data: { runId: RUN, reasonCode: 'OOM', reason: 'Out of memory.' } },
        ])
        .when(test())
        .thenThrows('BISHOP_ERR_INVALID_STATE');
    });

    it('rejects testing an unknown run', () => {
      avatarSpec.given(trainedOnce).when(test(NEXT_RUN)).thenThrows('BISHOP_ERR_INVALID_STATE');
    });

    it('rejects a report that is not a JSON object', () => {
      avatarSpec
        .given(trainedOnce)
        .when(test(RUN, 'good' as unknown as JsonObject))
        .thenThrows('BISHOP_ERR_INVALID_VALUE');
    });
  });

  describe('avatar facts for chats', () => {
    it('are absent before the avatar exists', () => {
      assert.equal(avatarFactsOf(avatarDecider.initialState()), null);
    });

    it('carry the owner, the active version and every version a chat may be pinned to', () => {
      assert.deepEqual(avatarFactsOf(foldEvents(avatarDecider, trainedOnce)), {
        avatarId: AVATAR,
        ownerId: OWNER,
        deleted: false,
        activePersonaVersion: 1,
        personaVersions: [1],
      });
    });

    it('say when the avatar was deleted', () => {
      assert.deepEqual(avatarFactsOf(foldEvents(avatarDecider, [created, deleted])), {
        avatarId: AVATAR,
        ownerId: OWNER,
        deleted: true,
        activePersonaVersion: null,
        personaVersions: [],
      });
    });
  });
});
