import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eventually } from '../src/async.ts';
import { type BishopProcess, startBishopProcess } from '../src/bishop-process.ts';
import { graphqlOverHttp } from '../src/graphql-client.ts';
import { temporaryDirectory, testModelEnvironment } from '../src/test-env.ts';

const PASSWORD = 'long enough password';
const CHANGE = `mutation($p: String!, $e: String!) { changeEmail(currentPassword: $p, newEmail: $e) { position } }`;

/**
 * Changing the signed-in user's email over real HTTP against `bishop start`:
 * the password is asked again, the new address must be free, log-in works
 * with the new address only, the old one is free for others, other sessions
 * end while this one and API tokens go on.
 */
describe('email change end to end (bishop start)', () => {
  let dataDir: Awaited<ReturnType<typeof temporaryDirectory>>;
  let bishop: BishopProcess;
  let gql: ReturnType<typeof graphqlOverHttp>;

  const codeOf = (result: { errors?: readonly { extensions?: { bishopCode?: string } }[] }) =>
    result.errors?.[0]?.extensions?.bishopCode;
  const signUp = async (email: string) => {
    const result = await gql(`mutation($i: SignUpInput!) { signUp(input: $i) { accessToken refreshToken } }`, {
      i: { email, fullName: 'Ada Lovelace', password: PASSWORD },
    });
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    return result.data?.signUp as { accessToken: string; refreshToken: string };
  };
  const logIn = (email: string) =>
    gql('mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { accessToken refreshToken } }', {
      e: email,
      p: PASSWORD,
    });

  before(async () => {
    dataDir = await temporaryDirectory('email-change-e2e');
    bishop = await startBishopProcess({ BISHOP_DATA_DIR: dataDir.path, ...testModelEnvironment() });
    gql = graphqlOverHttp(bishop.url);
  });
  after(async () => {
    await bishop?.stop();
    await dataDir?.remove();
  });

  it('moves the account to a free address, asking for the password; the old address is free again', async () => {
    const ada = await signUp('ada@example.org');
    await signUp('bob@example.org');
    const otherDevice = (await logIn('ada@example.org')).data?.logIn as { refreshToken: string };
    const apiToken = (await gql('mutation { issueApiToken(name: "CI") { secret } }', {}, { token: ada.accessToken }))
      .data?.issueApiToken.secret as string;

    // Refused: a wrong password, an address that is not one, another account's address.
    const wrong = await gql(CHANGE, { p: 'not my password', e: 'ada.new@example.org' }, { token: ada.accessToken });
    assert.equal(codeOf(wrong), 'BISHOP_ERR_WRONG_PASSWORD');
    const malformed = await gql(CHANGE, { p: PASSWORD, e: 'ada at example' }, { token: ada.accessToken });
    assert.equal(codeOf(malformed), 'BISHOP_ERR_INVALID_EMAIL');
    const taken = await gql(CHANGE, { p: PASSWORD, e: 'BOB@example.org' }, { token: ada.accessToken });
    assert.equal(codeOf(taken), 'BISHOP_ERR_EMAIL_TAKEN');
    // An API token cannot move the account.
    const byToken = await gql(CHANGE, { p: PASSWORD, e: 'ada.new@example.org' }, { token: apiToken });
    assert.equal(codeOf(byToken), 'BISHOP_ERR_SESSION_REQUIRED');

    const changed = await gql(CHANGE, { p: PASSWORD, e: ' Ada.New@Example.org ' }, { token: ada.accessToken });
    assert.equal(changed.errors, undefined, JSON.stringify(changed.errors));
    const me = await gql(
      'query { me { email } }',
      {},
      {
        token: ada.accessToken,
        consistentWith: changed.data?.changeEmail.position,
      },
    );
    assert.equal(me.data?.me.email, 'ada.new@example.org');

    // Log-in: the new address only.
    assert.equal(codeOf(await logIn('ada@example.org')), 'BISHOP_ERR_WRONG_CREDENTIALS');
    assert.equal((await logIn('ada.new@example.org')).errors, undefined);

    // The session that changed it and API tokens go on; another device must log in again.
    assert.equal((await gql('query { me { id } }', {}, { token: ada.accessToken })).errors, undefined);
    assert.equal((await gql('query { me { id } }', {}, { token: apiToken })).errors, undefined);
    const refreshed = await gql('mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }', {
      t: otherDevice.refreshToken,
    });
    assert.equal(refreshed.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');

    // The old address is free: someone else may sign up with it (and Bob may not take Ada's new one).
    const newcomer = await signUp('ada@example.org');
    assert.ok(newcomer.accessToken);
    const bobTakes = await gql(
      CHANGE,
      { p: PASSWORD, e: 'ada.new@example.org' },
      {
        token: (await logIn('bob@example.org')).data?.logIn.accessToken,
      },
    );
    assert.equal(codeOf(bobTakes), 'BISHOP_ERR_EMAIL_TAKEN');
    // Each account logs in as itself.
    await eventually(async () => {
      const read = await gql('query { me { email } }', {}, { token: newcomer.accessToken });
      return read.data?.me.email === 'ada@example.org';
    });
  });
});
