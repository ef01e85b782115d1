import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { currentSchemaVersion, eventCatalogue, isDomainEventType } from '../../src/events/catalogue.ts';
import {
  avatarStream,
  chatStream,
  emailReservationStreamName,
  parseStreamName,
  userStream,
} from '../../src/events/stream-names.ts';
import { isDomainError } from '../../src/kernel/errors.ts';
import { AVATAR, CHAT, OWNER, sha } from '../support/ids.ts';

describe('event catalogue', () => {
  it('lists the 59 event types of the four streams', () => {
    const byStream = Object.groupBy(Object.values(eventCatalogue), (entry) => entry.stream);
    assert.deepEqual(
      Object.fromEntries(Object.entries(byStream).map(([stream, entries]) => [stream, entries?.length])),
      { user: 7, email: 1, avatar: 32, chat: 19 },
    );
  });

  it('marks the texts people wrote or said as personal', () => {
    assert.deepEqual(eventCatalogue.UserRegistered.personalFields, ['email', 'fullName', 'passwordHash']);
    assert.deepEqual(eventCatalogue.MessageSent.personalFields, ['text']);
    assert.deepEqual(eventCatalogue.ReplyGenerated.personalFields, ['text', 'sources']);
    assert.deepEqual(eventCatalogue.MessageEdited.personalFields, ['text']);
    assert.deepEqual(eventCatalogue.MaterialUploaded.personalFields, ['fileName']);
    assert.deepEqual(eventCatalogue.VoiceConsentRecorded.personalFields, ['personName', 'statement']);
  });

  it('marks machine facts as not personal', () => {
    for (const type of ['MaterialRemoved', 'TrainingStarted', 'DubReady', 'AvatarDeleted'] as const) {
      assert.deepEqual(eventCatalogue[type].personalFields, [], type);
    }
  });

  it('is at schema version 2 for MaterialUploaded and 1 elsewhere so far', () => {
    assert.equal(currentSchemaVersion('MaterialUploaded'), 2);
    assert.equal(currentSchemaVersion('AvatarRenamed'), 1);
  });

  it('recognises its event types and nothing else', () => {
    assert.equal(isDomainEventType('ReplyGenerated'), true);
    assert.equal(isDomainEventType('ReplyGeneratedV2'), false);
    assert.equal(isDomainEventType('toString'), false);
    assert.equal(isDomainEventType('__proto__'), false);
  });
});

describe('stream names', () => {
  it('are the category and the id', () => {
    assert.equal(userStream(OWNER), `user-${OWNER}`);
    assert.equal(avatarStream(AVATAR), `avatar-${AVATAR}`);
    assert.equal(chatStream(CHAT), `chat-${CHAT}`);
    assert.equal(emailReservationStreamName(sha(1)), `email-${sha(1)}`);
  });

  it('need a SHA-256 hex digest for an email reservation', () => {
    assert.throws(
      () => emailReservationStreamName('anna@example.org'),
      (error) => isDomainError(error) && error.code === 'BISHOP_ERR_INVALID_VALUE',
    );
  });

  it('parse back into category and id', () => {
    assert.deepEqual(parseStreamName(avatarStream(AVATAR)), { category: 'avatar', id: AVATAR });
    assert.deepEqual(parseStreamName(`email-${sha(3)}`), { category: 'email', id: sha(3) });
  });

  it('do not parse when they are not Bishop streams', () => {
    assert.equal(parseStreamName('$all'), null);
    assert.equal(parseStreamName('avatar'), null);
    assert.equal(parseStreamName('avatar-'), null);
    assert.equal(parseStreamName('robot-1'), null);
  });
});
