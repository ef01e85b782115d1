import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AvatarEvent, ChatEvent, UserEvent } from '@bishop/domain';
import { apiTokenAfter } from '../../src/api-tokens/api-token.changes.ts';
import { avatarAfter } from '../../src/avatars/avatar.changes.ts';
import type { AvatarRow } from '../../src/avatars/avatars.table.ts';
import { chatAfter } from '../../src/chats/chat.changes.ts';
import { ignoredBy } from '../../src/events/ignored-events.ts';
import type { AvatarStreamEvent, ChatStreamEvent, UserStreamEvent } from '../../src/events/projected-event.ts';
import { materialAfter } from '../../src/materials/material.changes.ts';
import { personaVersionOf } from '../../src/persona-versions/persona-version.changes.ts';
import { childRowsOf } from '../../src/projector/avatar-child-rows.ts';
import { testReportAfter } from '../../src/test-reports/test-report.changes.ts';
import { trainingRunAfter } from '../../src/training-runs/training-run.changes.ts';
import { userAfter } from '../../src/users/user.changes.ts';
import { projected } from './projected-event.ts';

const avatarEvent = (position: number, event: AvatarEvent) => projected('a1', position, event) as AvatarStreamEvent;
const chatEvent = (position: number, event: ChatEvent) => projected('c1', position, event) as ChatStreamEvent;
const userEvent = (position: number, event: UserEvent, erased: string[] = []) =>
  projected('u1', position, event, erased) as UserStreamEvent;

/** An event of `type` with no data: a row function's ignoring branch reads nothing but the type. */
const bare = (type: string): never => ({ ...projected('a1', 9, { type: 'AvatarDeleted', data: {} }), type }) as never;

/** Folds events into one row, as the projector does (an untouched row stays as it was). */
function fold<Row, Event>(after: (row: Row | undefined, event: Event) => Row | undefined, events: Event[]) {
  return events.reduce<Row | undefined>((row, event) => after(row, event) ?? row, undefined);
}

const avatar = fold(avatarAfter, [
  avatarEvent(1, { type: 'AvatarCreated', data: { avatarId: 'a1', ownerId: 'u1', name: 'Анна' } }),
]) as AvatarRow;

describe('row functions', () => {
  it('a user registers, renames herself, and her account deletion erases her personal columns', () => {
    const registered = { userId: 'u1', email: 'anna@example.com', fullName: 'Anna', passwordHash: 'h' };
    const user = fold(userAfter, [
      userEvent(1, { type: 'UserRegistered', data: registered }),
      userEvent(2, { type: 'UserProfileUpdated', data: { fullName: 'Anna K.' } }, ['fullName']),
    ]);
    assert.equal(user?.email, 'anna@example.com');
    assert.equal(user?.full_name, null, 'an erased field reads as erased');
    assert.deepEqual(user?.erased_fields, ['full_name']);
    const deleted = userAfter(user, userEvent(3, { type: 'AccountDeleted', data: {} }));
    assert.deepEqual([deleted?.email, deleted?.full_name, deleted?.last_position], [null, null, 3n]);
  });

  it('an API token is issued, then revoked; revoking one never seen changes nothing', () => {
    const issued = { tokenId: 't1', name: 'CI', tokenHash: 'x', issuedAt: '2026-12-01T00:00:00.000Z' };
    const token = apiTokenAfter(undefined, userEvent(1, { type: 'ApiTokenIssued', data: issued }));
    const revoked = userEvent(2, { type: 'ApiTokenRevoked', data: { tokenId: 't1' } });
    assert.equal(apiTokenAfter(token, revoked)?.revoked_at?.toISOString(), '2026-12-01T00:00:02.000Z');
    assert.equal(apiTokenAfter(undefined, revoked), undefined);
  });

  it('a chat counts its messages and keeps no title once deleted', () => {
    const opened = { chatId: 'c1', avatarId: 'a1', ownerId: 'u1', title: 'Письма', personaVersion: null };
    const chat = fold(chatAfter, [
      chatEvent(1, { type: 'ChatOpened', data: opened }),
      chatEvent(2, { type: 'MessageSent', data: { messageId: 'm1', text: 'Привет' } }),
      chatEvent(3, { type: 'MessageSent', data: { messageId: 'm2', text: 'Как ты?' } }),
      chatEvent(4, { type: 'MessageDeleted', data: { messageId: 'm1' } }),
    ]);
    assert.equal(chat?.message_count, 1);
    const deleted = chatAfter(chat, chatEvent(5, { type: 'ChatDeleted', data: {} }));
    assert.deepEqual([deleted?.status, deleted?.title], ['deleted', null]);
  });

  it('a material is uploaded, extracted, then removed', () => {
    const file = {
      materialId: 'm1',
      fileName: 'letters.txt',
      mediaType: 'text/plain',
      kind: 'text',
      sizeBytes: 10,
      sha256: 'ab',
      blobKey: 'k',
    } as const;
    const after = (row: Parameters<typeof materialAfter>[0], event: AvatarStreamEvent) =>
      materialAfter(row, event, avatar);
    const material = fold(after, [
      avatarEvent(2, { type: 'MaterialUploaded', data: file }),
      avatarEvent(3, { type: 'MaterialExtractionStarted', data: { materialId: 'm1' } }),
      avatarEvent(4, { type: 'MaterialRemoved', data: { materialId: 'm1' } }),
    ]);
    assert.equal(material?.owner_id, 'u1');
    assert.equal(material?.removed, true);
    assert.equal(material?.last_position, 4n);
  });

  it('a training run completes into a persona version, and its test runs then reports', () => {
    const run = { runId: 'r1', settings: {}, materialIds: ['m1'] };
    const completed = avatarEvent(3, {
      type: 'TrainingCompleted',
      data: { runId: 'r1', personaVersion: 1, snapshotKey: 's', stats: { pairs: 5 } },
    });
    const after = (row: Parameters<typeof trainingRunAfter>[0], event: AvatarStreamEvent) =>
      trainingRunAfter(row, event, avatar);
    const trained = fold(after, [avatarEvent(2, { type: 'TrainingStarted', data: run }), completed]);
    assert.deepEqual([trained?.status, trained?.persona_version, trained?.snapshot_key], ['completed', 1, 's']);
    assert.equal(personaVersionOf(completed, avatar)?.version, 1);
    assert.equal(
      personaVersionOf(avatarEvent(4, { type: 'TrainingStopped', data: { runId: 'r1' } }), avatar),
      undefined,
    );

    const started = avatarEvent(4, { type: 'AvatarTestStarted', data: { runId: 'r1', personaVersion: 1 } });
    const tested = avatarEvent(5, {
      type: 'AvatarTested',
      data: { runId: 'r1', personaVersion: 1, report: { ok: 1 } },
    });
    const running = testReportAfter(undefined, started, avatar);
    assert.equal(running?.status, 'running');
    assert.deepEqual(testReportAfter(running, tested, avatar)?.report, { ok: 1 });
  });

  it('every event a read model lists as ignored leaves its row as it is', () => {
    const registered = { userId: 'u1', email: 'a@b.c', fullName: 'A', passwordHash: 'h' };
    const user = userAfter(undefined, userEvent(1, { type: 'UserRegistered', data: registered }));
    for (const type of ignoredBy.users) assert.equal(userAfter(user, bare(type)), undefined, type);
    for (const type of ignoredBy.avatars) assert.equal(avatarAfter(avatar, bare(type)), undefined, type);
    for (const type of ignoredBy.testReports)
      assert.equal(testReportAfter(undefined, bare(type), avatar), undefined, type);
  });

  it('routes an avatar event to the child rows whose ids it carries', () => {
    const tagged = avatarEvent(2, {
      type: 'MaterialSpeakersTagged',
      data: {
        materialId: 'm1',
        sampleId: 's1',
        segmentsBlobKey: 'k',
        threshold: 0.5,
        personSpeechSec: 3,
        otherSpeechSec: 1,
      },
    });
    assert.deepEqual(childRowsOf(tagged), [
      { table: 'materials', id: 'm1' },
      { table: 'voice_samples', id: 's1' },
    ]);
    const consent = { basis: 'self', personName: 'Anna', consentGivenOn: '2026-12-01', statement: 'Да' } as const;
    assert.deepEqual(childRowsOf(avatarEvent(3, { type: 'VoiceConsentRecorded', data: consent })), [
      { table: 'voice_consents', id: 'a1' },
    ]);
    const tested = avatarEvent(4, { type: 'AvatarTested', data: { runId: 'r1', personaVersion: 1, report: {} } });
    assert.deepEqual(
      childRowsOf(tested).map((row) => row.table),
      ['training_runs', 'avatar_test_reports'],
    );
    assert.deepEqual(childRowsOf(avatarEvent(5, { type: 'AvatarDeleted', data: {} })), []);
  });
});
