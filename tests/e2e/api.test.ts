import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { type BishopProcess, startBishopProcess } from '../src/bishop-process.ts';
import { graphqlOverHttp, graphqlOverWebSocket, subscribe } from '../src/graphql-client.ts';
import { temporaryDirectory } from '../src/test-env.ts';

const SESSION = 'accessToken refreshToken user { id email fullName }';

describe('the API over real HTTP and WebSocket (bishop start)', () => {
  let dataDir: Awaited<ReturnType<typeof temporaryDirectory>>;
  let bishop: BishopProcess;
  let gql: ReturnType<typeof graphqlOverHttp>;
  let token: string;
  let refreshToken: string;
  let avatarId: string;

  before(async () => {
    dataDir = await temporaryDirectory('api');
    bishop = await startBishopProcess({ BISHOP_DATA_DIR: dataDir.path });
    gql = graphqlOverHttp(bishop.url);
  });
  after(async () => {
    await bishop?.stop();
    await dataDir?.remove();
  });

  async function upload(path: string, files: { name: string; bytes: Uint8Array; type?: string }[], auth = token) {
    const form = new FormData();
    for (const file of files)
      form.append('file', new Blob([file.bytes], { type: file.type ?? 'application/octet-stream' }), file.name);
    const response = await fetch(`${bishop.url}${path}`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${auth}` },
    });
    return { status: response.status, body: (await response.json()) as any };
  }

  it('signs up and answers `me`, with the exact errors for bad sign-ups', async () => {
    const signUp = await gql(`mutation($input: SignUpInput!) { signUp(input: $input) { ${SESSION} } }`, {
      input: { email: 'Ada@Example.org', fullName: 'Ада Лавлейс', password: 'correct horse' },
    });
    assert.equal(signUp.errors, undefined, JSON.stringify(signUp.errors));
    token = signUp.data?.signUp.accessToken;
    refreshToken = signUp.data?.signUp.refreshToken;
    assert.equal(signUp.data?.signUp.user.email, 'ada@example.org');
    const me = await gql('{ me { id fullName } }', {}, { token });
    assert.equal(me.data?.me.fullName, 'Ада Лавлейс');

    const again = await gql(`mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }`, {
      input: { email: 'ada@example.org', fullName: 'Someone', password: 'another password' },
    });
    assert.equal(again.errors?.[0]?.message, 'This email is already registered');
    assert.equal(again.errors?.[0]?.extensions?.code, 'CONFLICT');
    const short = await gql(`mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }`, {
      input: { email: 'b@example.org', fullName: 'B', password: 'short' },
    });
    assert.equal(short.errors?.[0]?.extensions?.bishopCode, 'BISHOP_ERR_PASSWORD_TOO_SHORT');
    assert.match(short.errors?.[0]?.message ?? '', /^Password must be at least 8 characters/);
    assert.equal(short.errors?.[0]?.extensions?.code, 'VALIDATION');
  });

  it('refuses anonymous and tampered requests', async () => {
    const anonymous = await gql('{ avatars { nodes { id } } }');
    assert.equal(anonymous.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
    const tampered = await gql('{ me { id } }', {}, { token: `${token.slice(0, -3)}xyz` });
    assert.equal(tampered.status, 401);
    assert.equal(tampered.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
  });

  it('creates an avatar and reads its own write in the same response', async () => {
    const created = await gql(
      'mutation { createAvatar(name: "Лев Толстой") { avatarId position avatar { id name status } } }',
      {},
      { token },
    );
    assert.equal(created.errors, undefined, JSON.stringify(created.errors));
    avatarId = created.data?.createAvatar.avatarId;
    assert.deepEqual(created.data?.createAvatar.avatar, { id: avatarId, name: 'Лев Толстой', status: 'ACTIVE' });

    const renamed = await gql(
      `mutation($id: ID!) { renameAvatar(id: $id, name: "Лев Николаевич") { position } }`,
      { id: avatarId },
      { token },
    );
    const read = await gql(
      `query($id: ID!) { avatar(id: $id) { name } }`,
      { id: avatarId },
      {
        token,
        consistentWith: renamed.data?.renameAvatar.position,
      },
    );
    assert.equal(read.data?.avatar.name, 'Лев Николаевич');
  });

  it('uploads materials over HTTP, shows them in queries and pushes them to subscriptions', async () => {
    const ws = graphqlOverWebSocket(bishop.url, token);
    const connected = new Promise((resolve) => ws.on('connected', resolve));
    const changes = subscribe(
      ws,
      `subscription($id: ID!) { materialChanged(avatarId: $id) { material { id fileName state kind } position } }`,
      {
        id: avatarId,
      },
    );
    await connected;
    // The server checks ownership, then registers the subscription: give it a moment.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const mp3 = await readFile(new URL('../fixtures/uploads/tone.mp3', import.meta.url));
    const uploaded = await upload(`/api/avatars/${avatarId}/materials`, [
      { name: 'Дневник.txt', bytes: new TextEncoder().encode('Сегодня я писал весь день.\nЗавтра тоже.') },
      { name: 'lecture.mp3', bytes: mp3 },
      { name: 'virus.mp3', bytes: new TextEncoder().encode('MZ not really audio at all, just text') },
    ]);
    assert.equal(uploaded.status, 200);
    const [text, audio, disguised] = uploaded.body.results;
    assert.ok(text.materialId && audio.materialId, JSON.stringify(uploaded.body));
    assert.equal(disguised.error.bishopCode, 'BISHOP_ERR_FILE_DISGUISED');

    // Each material changes more than once (uploaded, then extracting…): wait until both were seen.
    const idsSeen = (results: any[]) => new Set(results.map((r) => r.materialChanged.material.id));
    const seen = await changes.until((results) => idsSeen(results).size >= 2);
    assert.deepEqual(idsSeen(seen), new Set([text.materialId, audio.materialId]));
    changes.stop();
    await ws.dispose();

    // A page queries, then subscribes: a change committed in between must still reach it. A new
    // subscription starts with the materials as they are, before any change (none is made here).
    const lateWs = graphqlOverWebSocket(bishop.url, token);
    const late = subscribe(
      lateWs,
      `subscription($id: ID!) { materialChanged(avatarId: $id) { material { id state } position } }`,
      { id: avatarId },
    );
    try {
      const current = await late.until((results) => idsSeen(results).size >= 2, 10_000);
      assert.deepEqual(idsSeen(current), new Set([text.materialId, audio.materialId]));
    } finally {
      late.stop();
      await lateWs.dispose();
    }

    const listed = await gql(
      `query($id: ID!) { avatar(id: $id) { materials { id fileName kind sizeBytes downloadUrl } } }`,
      { id: avatarId },
      {
        token,
        consistentWith: audio.position,
      },
    );
    const materials = listed.data?.avatar.materials;
    assert.deepEqual(
      materials.map((m: any) => m.fileName),
      ['Дневник.txt', 'lecture.mp3'],
    );
    assert.deepEqual(
      materials.map((m: any) => m.kind),
      ['TEXT', 'AUDIO'],
    );

    // The signed download URL serves byte ranges without an Authorization header.
    const ranged = await fetch(`${bishop.url}${materials[1].downloadUrl}`, { headers: { range: 'bytes=0-9' } });
    assert.equal(ranged.status, 206);
    assert.equal(ranged.headers.get('content-range'), `bytes 0-9/${mp3.length}`);
    assert.deepEqual(Buffer.from(await ranged.arrayBuffer()), mp3.subarray(0, 10));
  });

  it('starts chat and avatar subscriptions with what their pages show, so a change between query and subscribing is not lost', async () => {
    const chatId = (
      await gql('mutation($a: ID!) { openChat(avatarId: $a, title: "Письма") { chatId } }', { a: avatarId }, { token })
    ).data?.openChat.chatId;
    const MESSAGE = 'id text replyState';
    const messagesNow = async () =>
      (
        await gql(
          `query($c: ID!) { chat(id: $c) { messages(first: 50, newestFirst: true) { nodes { ${MESSAGE} } } } }`,
          { c: chatId },
          { token },
        )
      ).data?.chat.messages.nodes ?? [];
    // The pages' queries…
    assert.deepEqual(await messagesNow(), []);
    // …then changes: a message (its reply settles: nothing changes after the subscribing) and a new name…
    const sent = await gql(
      'mutation($c: ID!) { sendMessage(chatId: $c, text: "Здравствуйте") { messageId } }',
      { c: chatId },
      { token },
    );
    const messageId = sent.data?.sendMessage.messageId;
    let settled: any;
    for (const deadline = Date.now() + 60_000; !settled && Date.now() < deadline; ) {
      settled = (await messagesNow()).find((m: any) => m.id === messageId && m.replyState !== 'PENDING');
      if (!settled) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.ok(settled, 'the reply settled');
    const renamed = await gql(
      'mutation($a: ID!) { renameAvatar(id: $a, name: "Лев") { position } }',
      { a: avatarId },
      { token },
    );
    await gql(
      'query($a: ID!) { avatar(id: $a) { name } }',
      { a: avatarId },
      { token, consistentWith: renamed.data?.renameAvatar.position },
    );

    // …then the pages subscribe: each subscription starts with what its page shows, as it is now.
    const ws = graphqlOverWebSocket(bishop.url, token);
    // What each one hands first, or its failure: all three are asked at once, and each is judged.
    const firstOf = (query: string, variables: Record<string, unknown>) =>
      subscribe(ws, query, variables)
        .until((results) => results.length > 0, 5_000)
        .then(
          ([first]) => first,
          (error: Error) => error.message,
        );
    try {
      const [message, avatar, anyAvatar] = await Promise.all([
        firstOf(`subscription($c: ID!) { messageChanged(chatId: $c) { message { ${MESSAGE} } } }`, { c: chatId }),
        firstOf('subscription($a: ID) { avatarChanged(avatarId: $a) { avatar { id name } } }', { a: avatarId }),
        firstOf('subscription { avatarChanged { avatar { id name } } }', {}),
      ]);
      const renamedAvatar = { avatarChanged: { avatar: { id: avatarId, name: 'Лев' } } };
      assert.deepEqual(
        { message, avatar, anyAvatar },
        { message: { messageChanged: { message: settled } }, avatar: renamedAvatar, anyAvatar: renamedAvatar },
      );
    } finally {
      await ws.dispose();
    }
  });

  it('rotates refresh tokens and revokes the family when an old one is reused', async () => {
    const first = await gql(`mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`, {
      t: refreshToken,
    });
    const rotated = first.data?.refreshSession;
    assert.ok(rotated?.accessToken);
    assert.equal((await gql('{ me { id } }', {}, { token: rotated.accessToken })).errors, undefined);

    const reuse = await gql(`mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`, {
      t: refreshToken,
    });
    assert.equal(reuse.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
    const newest = await gql(`mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`, {
      t: rotated.refreshToken,
    });
    assert.equal(newest.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED', 'the whole family is revoked');
    const stillValidJwt = await gql('{ me { id } }', {}, { token: rotated.accessToken });
    assert.equal(stillValidJwt.status, 401, 'its access tokens too, though unexpired');
    const again = await gql('mutation { logIn(email: "ada@example.org", password: "correct horse") { accessToken } }');
    token = again.data?.logIn.accessToken;
  });

  it('keeps a browser session in the refresh cookie: logIn with Bishop-Session: cookie answers no refresh token', async () => {
    const logIn = await fetch(`${bishop.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'bishop-session': 'cookie' },
      body: JSON.stringify({
        query: `mutation { logIn(email: "ada@example.org", password: "correct horse") { ${SESSION} } }`,
      }),
    });
    const body = await logIn.text();
    assert.equal(JSON.parse(body).data?.logIn.refreshToken, null);
    assert.doesNotMatch(body, /bishop_rt_/);
    const cookie = logIn.headers.getSetCookie().find((line) => line.startsWith('bishop_refresh='));
    assert.match(
      cookie ?? '',
      /^bishop_refresh=bishop_rt_[\w-]+; Path=\/api\/session; Expires=[^;]+; HttpOnly; Secure; SameSite=Strict$/,
    );

    const refreshed = await fetch(`${bishop.url}/api/session/refresh`, {
      method: 'POST',
      headers: { cookie: (cookie ?? '').split(';')[0] ?? '', 'bishop-session': 'cookie' },
    });
    const answer = await refreshed.text();
    assert.equal(refreshed.status, 200, answer);
    assert.doesNotMatch(answer, /bishop_rt_/, 'the refresh token never comes back in a body');
    const me = await gql('{ me { email } }', {}, { token: JSON.parse(answer).accessToken });
    assert.equal(me.data?.me.email, 'ada@example.org');
  });

  it('lets an integrator use an API token until it is revoked', async () => {
    const issued = await gql(
      'mutation { issueApiToken(name: "CI") { secret position token { id name } } }',
      {},
      { token },
    );
    const { secret, position, token: apiToken } = issued.data?.issueApiToken ?? {};
    assert.match(secret, /^bishop_pat_/);
    const asIntegrator = await gql('{ avatars { nodes { id } } }', {}, { token: secret, consistentWith: position });
    assert.deepEqual(asIntegrator.data?.avatars.nodes, [{ id: avatarId }]);

    const revoked = await gql(
      `mutation($id: ID!) { revokeApiToken(id: $id) { position } }`,
      { id: apiToken.id },
      { token },
    );
    await gql('{ me { id } }', {}, { token, consistentWith: revoked.data?.revokeApiToken.position });
    const refused = await gql('{ me { id } }', {}, { token: secret });
    assert.equal(refused.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
  });
});
