import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type BishopProcess, startBishopProcess } from '../src/bishop-process.ts';
import {
  expectCutOff,
  expectRefusedReconnect,
  probePassword,
  revocationApi,
  watchAvatars,
} from '../src/revocation-probe.ts';
import { temporaryDirectory, testModelEnvironment } from '../src/test-env.ts';

/**
 * Credential attacks against a running `bishop start` (one process, the
 * in-process bus): sockets that outlive their revocation, a password oracle
 * around the log-in lockout, weak passwords, and API tokens minting tokens.
 */
describe('security: credentials and revocation against a running Bishop', () => {
  let dataDir: Awaited<ReturnType<typeof temporaryDirectory>>;
  let bishop: BishopProcess;
  let api: ReturnType<typeof revocationApi>;
  let n = 0;
  const email = (label: string) => `${label}.${++n}@example.org`;

  before(async () => {
    dataDir = await temporaryDirectory('credentials');
    bishop = await startBishopProcess({ BISHOP_DATA_DIR: dataDir.path, ...testModelEnvironment() });
    api = revocationApi(bishop.url);
  });
  after(async () => {
    await bishop?.stop();
    await dataDir?.remove();
  });

  const account = async (label: string) => {
    const address = email(label);
    const owner = await api.signUp(address);
    const avatarId = await api.createAvatar(owner.accessToken, 'Watched');
    return { address, owner, avatarId };
  };

  it('closes a live subscription when its session logs out, and refuses the token on reconnect', async () => {
    const { address, owner, avatarId } = await account('logout');
    const victim = await api.logIn(address);
    await expectCutOff({
      api,
      socket: watchAvatars(bishop.url, victim.accessToken),
      avatarId,
      writerToken: owner.accessToken,
      writerAfter: owner.accessToken,
      revoke: () => api.logOut(victim.refreshToken),
      code: 4403,
      reason: /session has ended/,
    });
    await expectRefusedReconnect(bishop.url, victim.accessToken);
    const reused = await api.gql('{ me { id } }', {}, { token: victim.accessToken });
    assert.equal(reused.status, 401, 'the logged-out access token is refused over HTTP too');
  });

  it('closes a live subscription when its API token is revoked', async () => {
    const { owner, avatarId } = await account('pat');
    const token = await api.issueApiToken(owner.accessToken, 'integration');
    await api.untilAccepted(token.secret);
    await expectCutOff({
      api,
      socket: watchAvatars(bishop.url, token.secret),
      avatarId,
      writerToken: owner.accessToken,
      writerAfter: owner.accessToken,
      revoke: () => api.revokeApiToken(owner.accessToken, token.id),
      code: 4403,
      reason: /API token was revoked/,
    });
  });

  it('refuses an API token that tries to issue API tokens, revoke them or close the account', async () => {
    const { owner } = await account('mint');
    const token = await api.issueApiToken(owner.accessToken, 'integration');
    await api.untilAccepted(token.secret);
    const attempts = [
      api.gql('mutation { issueApiToken(name: "offspring") { secret } }', {}, { token: token.secret }),
      api.gql('mutation($i: ID!) { revokeApiToken(id: $i) { position } }', { i: token.id }, { token: token.secret }),
      api.gql(
        'mutation($p: String!) { deleteAccount(password: $p) { position } }',
        { p: probePassword },
        { token: token.secret },
      ),
    ];
    for (const result of await Promise.all(attempts)) {
      assert.equal(result.data, null);
      assert.equal(result.errors?.[0]?.extensions?.code, 'FORBIDDEN', JSON.stringify(result.errors));
      assert.equal(result.errors?.[0]?.extensions?.bishopCode, 'BISHOP_ERR_SESSION_REQUIRED');
    }
    assert.equal(
      (await api.gql('{ me { id } }', {}, { token: owner.accessToken })).status,
      200,
      'the account is still there',
    );
  });

  it('limits password guesses through deleteAccount like log-in (no oracle around the lockout)', async () => {
    const { address, owner } = await account('oracle');
    const guess = (password: string) =>
      api.gql(
        'mutation($p: String!) { deleteAccount(password: $p) { position } }',
        { p: password },
        { token: owner.accessToken },
      );
    for (let i = 0; i < 5; i++) {
      assert.equal((await guess(`guess number ${i}`)).errors?.[0]?.extensions?.bishopCode, 'BISHOP_ERR_WRONG_PASSWORD');
    }
    const limited = await guess(probePassword);
    assert.equal(
      limited.errors?.[0]?.extensions?.bishopCode,
      'BISHOP_ERR_RATE_LIMITED',
      'not even the right password is checked',
    );
    assert.match(limited.errors?.[0]?.message ?? '', /try again after \d\d:\d\d UTC .*reset-password/);
    const logIn = await api.gql(
      'mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { accessToken } }',
      {
        e: address,
        p: probePassword,
      },
    );
    assert.equal(
      logIn.errors?.[0]?.extensions?.bishopCode,
      'BISHOP_ERR_RATE_LIMITED',
      'the lockout is shared with log-in',
    );
  });

  it('refuses weak passwords at sign-up, each with its own code', async () => {
    const address = email('weak');
    const cases: [string, string][] = [
      ['12345678', 'BISHOP_ERR_PASSWORD_COMMON'],
      ['password', 'BISHOP_ERR_PASSWORD_COMMON'],
      [address, 'BISHOP_ERR_PASSWORD_PERSONAL'],
      ['Weak Password Person', 'BISHOP_ERR_PASSWORD_PERSONAL'],
      [' '.repeat(8), 'BISHOP_ERR_PASSWORD_BLANK'],
      ['\u200b'.repeat(8), 'BISHOP_ERR_PASSWORD_BLANK'],
      ['abc\u200b\u200b\u200b\u200b\u200b', 'BISHOP_ERR_PASSWORD_TOO_SHORT'],
    ];
    for (const [password, code] of cases) {
      const result = await api.gql('mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }', {
        i: { email: address, fullName: 'Weak Password Person', password },
      });
      assert.equal(result.errors?.[0]?.extensions?.code, 'VALIDATION', JSON.stringify(result.errors));
      assert.equal(result.errors?.[0]?.extensions?.bishopCode, code, JSON.stringify(password));
    }
  });
});
