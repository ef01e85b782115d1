import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { userStream } from '@bishop/domain';
import { createPasswordHasher } from '@bishop/gateways/auth';
import { type AuthHarness, openAuthHarness, testClient, testPasswordCost } from './auth-harness.ts';

const STORED = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

describe('auth: password hashes', () => {
  const hasher = createPasswordHasher(testPasswordCost);

  it('encodes its parameters, salt and hash, and reads them back', async () => {
    const stored = await hasher.hash('tr0ub4dor&3');
    const [, N, r, p, salt = '', hash = ''] = STORED.exec(stored) ?? [];
    assert.deepEqual([N, r, p], ['1024', '8', '1']);
    assert.equal(Buffer.from(salt, 'base64url').length, 16);
    assert.equal(Buffer.from(hash, 'base64url').length, 32);
    assert.notEqual(await hasher.hash('tr0ub4dor&3'), stored, 'a fresh salt every time');
    assert.equal(await hasher.verify('tr0ub4dor&3', stored), true);
    assert.equal(await hasher.verify('tr0ub4dor&4', stored), false);
    // Another cost setting still verifies it: the parameters travel with the hash.
    const stronger = createPasswordHasher({ N: 2 ** 11, r: 8, p: 2 });
    assert.equal(await stronger.verify('tr0ub4dor&3', stored), true);
    assert.equal(stronger.needsRehash(stored), true);
    assert.equal(hasher.needsRehash(await stronger.hash('tr0ub4dor&3')), false);
  });

  it('answers false, without throwing or allocating, for records it cannot read', async () => {
    const started = performance.now();
    for (const stored of [
      '',
      'bcrypt$2b$10$abcdefghijklmnopqrstuv',
      'scrypt$1000$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      'scrypt$1073741824$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      'scrypt$1024$8$1$!!$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    ]) {
      assert.equal(await hasher.verify('password', stored), false, stored);
    }
    assert.ok(performance.now() - started < 1000);
  });

  it('refuses a cost that is not one', () => {
    assert.throws(() => createPasswordHasher({ N: 1000, r: 8, p: 1 }), /N must be a power of two/);
    assert.throws(() => createPasswordHasher({ N: 2 ** 24, r: 8, p: 1 }), /1 GiB/);
  });

  describe('raising the cost later', () => {
    let harness: AuthHarness;
    before(async () => {
      harness = await openAuthHarness('rehash');
    });
    after(() => harness?.close());

    it('re-hashes a password made at a lower cost at the next log-in, once', async () => {
      const email = `rehash.${randomUUID()}@example.org`;
      const password = 'moore’s law';
      const old = harness.createService();
      const { userId } = await old.signUp({ email, fullName: 'Gordon Moore', password }, testClient);
      const upgraded = harness.createService({ passwordCost: { N: 2 ** 11, r: 8, p: 1 } });

      await upgraded.logIn({ email, password, clientIp: '192.0.2.1' });
      await upgraded.logIn({ email, password, clientIp: '192.0.2.1' });
      await old.logIn({ email, password, clientIp: '192.0.2.1' });

      const events = await harness.eventStore.readStream(userStream(userId));
      const changes = events.filter((event) => event.type === 'PasswordChanged');
      assert.equal(changes.length, 1);
      assert.match(String(changes[0]?.data.passwordHash), /^scrypt\$2048\$8\$1\$/);
      assert.equal(changes[0]?.metadata.actorId, 'system:auth');
    });
  });
});
