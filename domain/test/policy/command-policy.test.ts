import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { avatarDecider, ownerOf as ownerOfAvatar } from '../../src/avatar/avatar.decider.ts';
import { chatDecider, ownerOf as ownerOfChat } from '../../src/chat/chat.decider.ts';
import { systemActor, userActor } from '../../src/kernel/actor.ts';
import { foldEvents } from '../../src/kernel/decider.ts';
import { isDomainError } from '../../src/kernel/errors.ts';
import { authorizeCommand } from '../../src/policy/authorize-command.ts';
import { commandPolicy } from '../../src/policy/command-policy.ts';
import { ownerOf as ownerOfUser, userDecider } from '../../src/user/user.decider.ts';
import { opened } from '../chat/support.ts';
import { created, deleted } from '../support/avatar-history.ts';
import { OWNER, STRANGER } from '../support/ids.ts';
import { registered } from '../user/support.ts';

const owner = userActor(OWNER);
const stranger = userActor(STRANGER);
const worker = systemActor('train-worker');
const forbidden = (error: unknown) => isDomainError(error) && error.code === 'BISHOP_ERR_FORBIDDEN';
const notFound = (error: unknown) => isDomainError(error) && error.code === 'BISHOP_ERR_NOT_FOUND';

describe('command policy', () => {
  it('reserves job results for the system', () => {
    for (const type of ['RecordMaterialExtraction', 'CompleteTraining', 'RecordReply', 'RecordDub'] as const) {
      assert.equal(commandPolicy[type], 'system', type);
    }
  });

  it('leaves what people decide to people', () => {
    for (const type of ['CreateAvatar', 'StartTraining', 'StopTraining', 'SendMessage', 'CancelReply'] as const) {
      assert.equal(commandPolicy[type], 'user', type);
    }
  });

  it('lets the auth service register users', () => {
    assert.equal(commandPolicy.RegisterUser, 'user-or-system');
    assert.equal(commandPolicy.ReserveEmail, 'system');
  });

  describe('authorizing', () => {
    it('lets the owner act on their stream', () => {
      assert.doesNotThrow(() => authorizeCommand('RenameAvatar', owner, OWNER));
    });

    it('lets a user create a stream that has no owner yet', () => {
      assert.doesNotThrow(() => authorizeCommand('CreateAvatar', owner, null));
    });

    it("answers a user acting on someone else's stream as if it did not exist", () => {
      assert.throws(() => authorizeCommand('RenameAvatar', stranger, OWNER), notFound);
    });

    it('forbids a user to send a job result', () => {
      assert.throws(() => authorizeCommand('CompleteTraining', owner, OWNER), forbidden);
    });

    it('forbids the system to act for a user', () => {
      assert.throws(() => authorizeCommand('StartTraining', worker, OWNER), forbidden);
    });

    it('lets the system send job results on any stream', () => {
      assert.doesNotThrow(() => authorizeCommand('CompleteTraining', worker, OWNER));
    });

    it('lets either send a user-or-system command', () => {
      assert.doesNotThrow(() => authorizeCommand('RevokeApiToken', worker, OWNER));
      assert.doesNotThrow(() => authorizeCommand('RevokeApiToken', owner, OWNER));
      assert.throws(() => authorizeCommand('RevokeApiToken', stranger, OWNER), notFound);
    });
  });
});

describe('stream owners', () => {
  it('is nobody before a stream exists', () => {
    assert.equal(ownerOfUser(userDecider.initialState()), null);
    assert.equal(ownerOfAvatar(avatarDecider.initialState()), null);
    assert.equal(ownerOfChat(chatDecider.initialState()), null);
  });

  it('is the user for their own stream', () => {
    assert.equal(ownerOfUser(foldEvents(userDecider, [registered])), OWNER);
  });

  it('is the creator for an avatar, also once deleted', () => {
    assert.equal(ownerOfAvatar(foldEvents(avatarDecider, [created])), OWNER);
    assert.equal(ownerOfAvatar(foldEvents(avatarDecider, [created, deleted])), OWNER);
  });

  it("is the avatar's owner for a chat, also once deleted", () => {
    assert.equal(ownerOfChat(foldEvents(chatDecider, [opened])), OWNER);
    assert.equal(ownerOfChat(foldEvents(chatDecider, [opened, { type: 'ChatDeleted', data: {} }])), OWNER);
  });
});
