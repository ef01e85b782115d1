import assert from 'node:assert/strict';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { graphqlOverHttp } from './graphql-client.ts';

/** The password every revocation test account signs up with. */
export const probePassword = 'plum orchard at dusk';

/** How soon every revocation must reach an open socket. */
export const revocationDeadlineMs = 2000;

export interface SessionTokens {
  readonly accessToken: string;
  readonly accessTokenExpiresAt: string;
  readonly refreshToken: string;
}

/** The API calls the revocation tests make, against one gateway's URL. */
export function revocationApi(baseUrl: string) {
  const gql = graphqlOverHttp(baseUrl);
  const must = async <T>(
    query: string,
    variables: Record<string, unknown>,
    pick: (data: Record<string, any>) => T,
    token?: string,
  ): Promise<T> => {
    const result = await gql(query, variables, token ? { token } : {});
    if (!result.data || result.errors) throw new Error(`${query.slice(0, 40)}…: ${JSON.stringify(result.errors)}`);
    return pick(result.data);
  };
  const session = '{ accessToken accessTokenExpiresAt refreshToken }';
  return {
    gql,
    signUp: (email: string) =>
      must<SessionTokens>(
        `mutation($i: SignUpInput!) { signUp(input: $i) ${session} }`,
        { i: { email, fullName: 'Revocation Probe', password: probePassword } },
        (d) => d.signUp,
      ),
    logIn: (email: string, password = probePassword) =>
      must<SessionTokens>(
        `mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) ${session} }`,
        { e: email, p: password },
        (d) => d.logIn,
      ),
    refresh: (refreshToken: string) =>
      gql(`mutation($r: String!) { refreshSession(refreshToken: $r) ${session} }`, { r: refreshToken }),
    logOut: (refreshToken: string) =>
      must('mutation($r: String!) { logOut(refreshToken: $r) }', { r: refreshToken }, (d) => d.logOut),
    createAvatar: (token: string, name: string) =>
      must<string>(
        'mutation($n: String!) { createAvatar(name: $n) { avatarId } }',
        { n: name },
        (d) => d.createAvatar.avatarId,
        token,
      ),
    rename: (token: string, id: string, name: string) =>
      must(
        'mutation($a: ID!, $n: String!) { renameAvatar(id: $a, name: $n) { position } }',
        { a: id, n: name },
        (d) => d,
        token,
      ),
    issueApiToken: (token: string, name: string) =>
      must<{ id: string; secret: string }>(
        'mutation($n: String!) { issueApiToken(name: $n) { secret token { id } } }',
        { n: name },
        (d) => ({ id: d.issueApiToken.token.id, secret: d.issueApiToken.secret }),
        token,
      ),
    revokeApiToken: (token: string, id: string) =>
      must('mutation($i: ID!) { revokeApiToken(id: $i) { position } }', { i: id }, (d) => d, token),
    deleteAccount: (token: string) =>
      must('mutation($p: String!) { deleteAccount(password: $p) { position } }', { p: probePassword }, (d) => d, token),
    /** Resolves once the credential works on this gateway (its read models know a fresh API token). */
    async untilAccepted(token: string, timeoutMs = 15_000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while ((await gql('{ me { id } }', {}, { token })).status !== 200) {
        if (Date.now() > deadline) throw new Error('the credential was never accepted');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}

export interface WatchedSocket {
  /** avatarChanged names delivered so far. */
  readonly names: string[];
  /** Resolves with the close code, reason and time once the server closes the socket. */
  readonly closed: Promise<{ code: number; reason: string; at: number }>;
  /** Resolves once the subscription is running (the first change has arrived). */
  untilName(name: string, timeoutMs?: number): Promise<void>;
  dispose(): Promise<void>;
}

/** A graphql-ws socket authenticated with `token`, subscribed to the user's avatar changes. */
export function watchAvatars(baseUrl: string, token: string): WatchedSocket {
  const names: string[] = [];
  let onClosed: (value: { code: number; reason: string; at: number }) => void = () => {};
  const closed = new Promise<{ code: number; reason: string; at: number }>((resolve) => {
    onClosed = resolve;
  });
  const client = createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: true,
    on: {
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        onClosed({ code, reason: String(reason), at: Date.now() });
      },
    },
  });
  client.subscribe<{ avatarChanged: { avatar: { name: string } } }>(
    { query: 'subscription { avatarChanged { avatar { name } } }' },
    {
      next: (value) => {
        const name = value.data?.avatarChanged.avatar.name;
        if (name) names.push(name);
      },
      error: () => {},
      complete: () => {},
    },
  );
  return {
    names,
    closed,
    async untilName(name, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (!names.includes(name)) {
        if (Date.now() > deadline) throw new Error(`"${name}" never arrived; got ${JSON.stringify(names)}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    dispose: () => client.dispose() as Promise<void>,
  };
}

/**
 * Proves a socket delivers, runs the revocation, and checks the socket is
 * closed with `code` within the deadline and delivers nothing after. The
 * deadline runs from the moment the revoking call has answered (the
 * revocation is then in force; the call itself may hash a password first):
 * a negative figure means the socket closed before the answer arrived.
 * `writerAfter` is a credential that still works, to make a change afterwards.
 */
export async function expectCutOff(options: {
  readonly api: ReturnType<typeof revocationApi>;
  readonly socket: WatchedSocket;
  readonly writerToken: string;
  readonly avatarId: string;
  readonly revoke: () => Promise<unknown>;
  readonly code: number;
  readonly reason: RegExp;
  readonly writerAfter?: string;
}): Promise<number> {
  const { api, socket, avatarId } = options;
  const before = `before ${Math.random().toString(36).slice(2, 8)}`;
  // Changes keep coming (each a new name: renaming to the same name changes nothing) until one arrives,
  // since the subscription may start a moment after the socket opens.
  const arrived = () => socket.names.some((name) => name.startsWith(before));
  for (let nudge = 0; !arrived(); nudge++) {
    if (nudge >= 40) throw new Error(`no change arrived on the socket; got ${JSON.stringify(socket.names)}`);
    await api.rename(options.writerToken, avatarId, `${before} ${nudge}`);
    for (let waited = 0; waited < 300 && !arrived(); waited += 25) await new Promise((r) => setTimeout(r, 25));
  }
  await options.revoke();
  const revokedAt = Date.now();
  const closed = await Promise.race([
    socket.closed,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the socket was never closed')), 10_000)),
  ]);
  const tookMs = closed.at - revokedAt;
  assert.equal(closed.code, options.code, `closed with ${closed.code} ${closed.reason}`);
  assert.match(closed.reason, options.reason);
  assert.ok(
    tookMs <= revocationDeadlineMs,
    `closed ${tookMs} ms after the revocation (deadline ${revocationDeadlineMs} ms)`,
  );
  if (options.writerAfter) {
    const seen = socket.names.length;
    await api.rename(options.writerAfter, avatarId, 'after the revocation');
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(socket.names.length, seen, 'nothing was delivered after the revocation');
  }
  await socket.dispose();
  return tookMs;
}

/** A reconnect with a revoked credential is refused: the socket closes without any subscription running. */
export async function expectRefusedReconnect(baseUrl: string, token: string): Promise<void> {
  const again = watchAvatars(baseUrl, token);
  const closed = await Promise.race([
    again.closed,
    new Promise<null>((resolve) => setTimeout(() => resolve(null), 5000)),
  ]);
  assert.ok(closed !== null, 'the reconnect was closed');
  assert.deepEqual(again.names, []);
  await again.dispose();
}
