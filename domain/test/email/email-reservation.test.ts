import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EmailCommand } from '../../src/email/email.commands.ts';
import { emailDecider, ownerOf } from '../../src/email/email.decider.ts';
import type { EmailEvent } from '../../src/email/email.events.ts';
import { normalizeEmail, validEmail } from '../../src/email/email-address.ts';
import { systemActor } from '../../src/kernel/actor.ts';
import { foldEvents } from '../../src/kernel/decider.ts';
import { commandsFor } from '../support/commands.ts';
import { spec } from '../support/decider-spec.ts';
import { OWNER, STRANGER } from '../support/ids.ts';

const emailSpec = spec(emailDecider);
const reserve = (userId: string, previousHolderRegistered: boolean) =>
  commandsFor<EmailCommand>()('ReserveEmail', { userId, previousHolderRegistered }, { actor: systemActor('auth') });
const reservedBy = (userId: string): EmailEvent => ({ type: 'EmailReserved', data: { userId } });

describe('email reservation', () => {
  describe('when the address is free', () => {
    it('reserves it for the user', () => {
      emailSpec
        .given([])
        .when(reserve(OWNER, false))
        .then([reservedBy(OWNER)]);
    });

    it('rejects a bad user id', () => {
      emailSpec.given([]).when(reserve('anna', false)).thenThrows('BISHOP_ERR_INVALID_ID');
    });
  });

  describe('when the address is held', () => {
    it('ignores the same user reserving it again', () => {
      emailSpec
        .given([reservedBy(OWNER)])
        .when(reserve(OWNER, true))
        .then([]);
    });

    it('rejects another user while the holder is registered', () => {
      emailSpec
        .given([reservedBy(OWNER)])
        .when(reserve(STRANGER, true))
        .thenThrows('BISHOP_ERR_EMAIL_TAKEN', /^This email is already registered$/);
    });

    it('hands an orphaned reservation to the next user', () => {
      emailSpec
        .given([reservedBy(OWNER)])
        .when(reserve(STRANGER, false))
        .then([reservedBy(STRANGER)]);
    });
  });

  it('knows the holder as the owner of the stream', () => {
    assert.equal(ownerOf(emailDecider.initialState()), null);
    assert.equal(ownerOf(foldEvents(emailDecider, [reservedBy(OWNER), reservedBy(STRANGER)])), STRANGER);
  });

  describe('email addresses', () => {
    it('normalise to one spelling', () => {
      assert.equal(normalizeEmail('  Anna.Petrova@Example.ORG\t'), 'anna.petrova@example.org');
    });

    it('validate and normalise together', () => {
      assert.equal(validEmail(' ANNA@example.org '), 'anna@example.org');
    });
  });
});
