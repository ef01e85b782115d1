import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { eventually } from '../src/async.ts';
import { type BishopProcess, startBishopProcess } from '../src/bishop-process.ts';
import { graphqlOverHttp } from '../src/graphql-client.ts';
import { temporaryDirectory, testModelEnvironment } from '../src/test-env.ts';

const dialogue = () => readFile(new URL('../fixtures/dialogues/WhatsApp Chat - Марина Соколова.txt', import.meta.url));
const ROUND = 'personaVersion pairs { index message options { id text } }';
const GUESS = 'correct realOptionId counted';

type Round = {
  personaVersion: number;
  pairs: { index: number; message: string; options: { id: string; text: string }[] }[];
};

/**
 * "Which one is real?" over real HTTP against `bishop start`: the owner takes
 * the test, makes an invite link a guest without an account uses (and sees
 * nothing but the pairs), revokes it; each guess is an event and the accuracy
 * per persona version is kept. Another user can touch none of it.
 */
describe('blind test end to end (bishop start, test models, no LLM)', () => {
  let dataDir: Awaited<ReturnType<typeof temporaryDirectory>>;
  let bishop: BishopProcess;
  let gql: ReturnType<typeof graphqlOverHttp>;
  let owner: string;
  let stranger: string;
  let avatarId: string;

  const signUp = async (email: string) => {
    const result = await gql(`mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }`, {
      i: { email, fullName: 'Марина Соколова', password: 'long enough password' },
    });
    return result.data?.signUp.accessToken as string;
  };
  const ok = <T extends { errors?: unknown }>(result: T): T => {
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    return result;
  };
  const codeOf = (result: { errors?: readonly { extensions?: { bishopCode?: string } }[] }) =>
    result.errors?.[0]?.extensions?.bishopCode;

  before(async () => {
    dataDir = await temporaryDirectory('blind-test-e2e');
    bishop = await startBishopProcess({
      BISHOP_DATA_DIR: dataDir.path,
      ...testModelEnvironment(),
      BISHOP_LLM_MODEL: 'llm-not-installed',
    });
    gql = graphqlOverHttp(bishop.url);
    owner = await signUp('marina@example.org');
    stranger = await signUp('stranger@example.org');
    avatarId = ok(await gql('mutation { createAvatar(name: "Марина") { avatarId } }', {}, { token: owner })).data
      ?.createAvatar.avatarId;

    // Train on a two-person chat and wait for the automatic test: its held-out examples are the pairs.
    const form = new FormData();
    form.append('file', new Blob([await dialogue()]), 'WhatsApp Chat - Марина Соколова.txt');
    const upload = await fetch(`${bishop.url}/api/avatars/${avatarId}/materials`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${owner}` },
    });
    const materialId = ((await upload.json()) as { results: { materialId: string }[] }).results[0]?.materialId;
    await eventually(async () => {
      const read = await gql(
        'query($a: ID!) { avatar(id: $a) { materials { id state } } }',
        { a: avatarId },
        { token: owner },
      );
      return read.data?.avatar.materials.some(
        (m: { id: string; state: string }) => m.id === materialId && m.state === 'READY',
      );
    }, 60_000);
    ok(
      await gql(
        'mutation($a: ID!, $m: ID!, $p: String!) { chooseChatParticipant(avatarId: $a, materialId: $m, participant: $p) { position } }',
        { a: avatarId, m: materialId, p: 'Марина Соколова' },
        { token: owner },
      ),
    );
    ok(await gql('mutation($a: ID!) { startTraining(avatarId: $a) { runId } }', { a: avatarId }, { token: owner }));
    await eventually(async () => {
      const read = await gql(
        'query($a: ID!) { avatar(id: $a) { testReports { status } } }',
        { a: avatarId },
        { token: owner },
      );
      return read.data?.avatar.testReports.some((r: { status: string }) => r.status === 'DONE');
    }, 240_000);
  });
  after(async () => {
    await bishop?.stop();
    await dataDir?.remove();
  });

  const ownerRound = async (): Promise<Round> =>
    ok(await gql(`query($a: ID!) { avatar(id: $a) { blindTest { ${ROUND} } } }`, { a: avatarId }, { token: owner }))
      .data?.avatar.blindTest;
  const scores = async () =>
    ok(
      await gql(
        'query($a: ID!) { avatar(id: $a) { blindTestScores { personaVersion guesses correct accuracy } } }',
        { a: avatarId },
        { token: owner },
      ),
    ).data?.avatar.blindTestScores;
  const scoresReach = async (guesses: number) => {
    await eventually(async () => (await scores())[0]?.guesses === guesses, 20_000);
    return (await scores())[0];
  };

  it('shows the owner held-out pairs, records each first guess and keeps the accuracy per version', async () => {
    const round = await ownerRound();
    assert.equal(round.personaVersion, 1);
    assert.ok(round.pairs.length >= 2, `${round.pairs.length} pairs`);
    for (const pair of round.pairs) {
      assert.equal(pair.options.length, 2);
      assert.notEqual(pair.options[0]?.text, pair.options[1]?.text);
    }
    const [first, second] = round.pairs as [Round['pairs'][number], Round['pairs'][number]];
    const guess = (pairIndex: number, optionId: string) =>
      gql(
        `mutation($a: ID!, $v: Int!, $p: Int!, $o: ID!) { guessBlindTest(avatarId: $a, personaVersion: $v, pairIndex: $p, optionId: $o) { ${GUESS} } }`,
        { a: avatarId, v: 1, p: pairIndex, o: optionId },
        { token: owner },
      );
    const right = ok(await guess(first.index, first.options[0]?.id as string)).data?.guessBlindTest;
    assert.equal(right.counted, true);
    // The answer says which was real; picking it is right, the other wrong.
    assert.equal(right.correct, right.realOptionId === first.options[0]?.id);
    const wrongId = second.options.find((option) => option.id !== undefined)?.id as string;
    const secondGuess = ok(await guess(second.index, wrongId)).data?.guessBlindTest;
    assert.equal(secondGuess.counted, true);
    // A second guess on the same pair does not count.
    assert.equal(ok(await guess(first.index, first.options[1]?.id as string)).data?.guessBlindTest.counted, false);
    // An option that is not one of the pair's, or a pair that does not exist, is refused.
    assert.equal(codeOf(await guess(first.index, 'not-an-option')), 'BISHOP_ERR_INVALID_VALUE');
    assert.equal(codeOf(await guess(99, first.options[0]?.id as string)), 'BISHOP_ERR_INVALID_VALUE');

    const score = await scoresReach(2);
    const correct = [right.correct, secondGuess.correct].filter(Boolean).length;
    assert.deepEqual(score, { personaVersion: 1, guesses: 2, correct, accuracy: correct / 2 });
    const history = ok(
      await gql(
        'query($a: ID!) { avatar(id: $a) { timeline(first: 100) { nodes { type } } } }',
        { a: avatarId },
        { token: owner },
      ),
    ).data?.avatar.timeline.nodes.filter((n: { type: string }) => n.type === 'BlindTestGuessed');
    assert.equal(history.length, 2, 'each counted guess is an event in the history');
  });

  it('lets a guest with an invite link take the test, seeing nothing else, until it is revoked', async () => {
    const created = ok(
      await gql(
        'mutation($a: ID!) { createBlindTestInvite(avatarId: $a, days: 3) { token invite { id open expiresAt } } }',
        { a: avatarId },
        { token: owner },
      ),
    ).data?.createBlindTestInvite;
    assert.match(created.token, /^[A-Za-z0-9_-]{43}$/, '256 random bits');
    assert.equal(created.invite.open, true);
    const expiresInDays = (Date.parse(created.invite.expiresAt) - Date.now()) / 86_400_000;
    assert.ok(expiresInDays > 2.9 && expiresInDays <= 3, String(expiresInDays));

    // Anonymous: no bearer token at all.
    const guestRound = async () =>
      gql(`query($t: String!) { invitedBlindTest(token: $t) { ${ROUND} } }`, { t: created.token });
    const response = ok(await guestRound());
    const round = response.data?.invitedBlindTest as Round;
    assert.equal(round.personaVersion, 1);
    assert.ok(round.pairs.length >= 2);
    // Nothing of the avatar but the pairs: no ids, no name.
    const body = JSON.stringify(response.data);
    assert.ok(!body.includes(avatarId) && !body.includes(created.invite.id), body.slice(0, 200));
    assert.ok(!body.includes('"Марина"'));
    // Asking for more than the pairs is not in the schema for a guest.
    const more = await gql(`query($t: String!) { invitedBlindTest(token: $t) { ${ROUND} avatar { id } } }`, {
      t: created.token,
    });
    assert.ok(more.errors?.length);

    const guesser = randomUUID();
    const pair = round.pairs[0] as Round['pairs'][number];
    const guestGuess = (token: string, pairIndex = pair.index) =>
      gql(
        `mutation($t: String!, $g: ID!, $p: Int!, $o: ID!) { guessInvitedBlindTest(token: $t, guesser: $g, personaVersion: 1, pairIndex: $p, optionId: $o) { ${GUESS} } }`,
        { t: token, g: guesser, p: pairIndex, o: pair.options[0]?.id },
      );
    assert.equal(ok(await guestGuess(created.token)).data?.guessInvitedBlindTest.counted, true);
    assert.equal(ok(await guestGuess(created.token)).data?.guessInvitedBlindTest.counted, false, 'once per guest');
    const score = await scoresReach(3);
    assert.equal(score.guesses, 3);
    await eventually(async () => {
      const invites = ok(
        await gql(
          'query($a: ID!) { avatar(id: $a) { blindTestInvites { id guesses open } } }',
          { a: avatarId },
          { token: owner },
        ),
      ).data?.avatar.blindTestInvites;
      return invites[0]?.id === created.invite.id && invites[0]?.guesses === 1;
    }, 20_000);

    // The token is no credential for anything else.
    const asBearer = await gql('query { me { id } }', {}, { token: created.token });
    assert.equal(asBearer.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
    const avatarWithToken = await gql(
      'query($a: ID!) { avatar(id: $a) { id } }',
      { a: avatarId },
      { token: created.token },
    );
    assert.ok(avatarWithToken.errors?.length);
    assert.equal(
      codeOf(await gql('query { invitedBlindTest(token: "guessed-token") { personaVersion } }')),
      'BISHOP_ERR_INVITE_INVALID',
    );

    ok(
      await gql(
        'mutation($a: ID!, $i: ID!) { revokeBlindTestInvite(avatarId: $a, inviteId: $i) { position } }',
        { a: avatarId, i: created.invite.id },
        { token: owner },
      ),
    );
    await eventually(async () => codeOf(await guestRound()) === 'BISHOP_ERR_INVITE_INVALID', 20_000);
    assert.equal(
      codeOf(await guestGuess(created.token, (round.pairs[1] as Round['pairs'][number]).index)),
      'BISHOP_ERR_INVITE_INVALID',
    );
  });

  it('refuses another user everything about the avatar’s blind test', async () => {
    const round = await ownerRound();
    const pair = round.pairs[0] as Round['pairs'][number];
    const guess = await gql(
      `mutation($a: ID!, $p: Int!, $o: ID!) { guessBlindTest(avatarId: $a, personaVersion: 1, pairIndex: $p, optionId: $o) { ${GUESS} } }`,
      { a: avatarId, p: pair.index, o: pair.options[0]?.id },
      { token: stranger },
    );
    assert.equal(codeOf(guess), 'BISHOP_ERR_NOT_FOUND');
    const invite = await gql(
      'mutation($a: ID!) { createBlindTestInvite(avatarId: $a) { token } }',
      { a: avatarId },
      { token: stranger },
    );
    assert.equal(codeOf(invite), 'BISHOP_ERR_NOT_FOUND');
    const invites = ok(
      await gql('query($a: ID!) { avatar(id: $a) { blindTestInvites { id } } }', { a: avatarId }, { token: owner }),
    ).data?.avatar.blindTestInvites;
    const revoke = await gql(
      'mutation($a: ID!, $i: ID!) { revokeBlindTestInvite(avatarId: $a, inviteId: $i) { position } }',
      { a: avatarId, i: invites[0].id },
      { token: stranger },
    );
    assert.equal(codeOf(revoke), 'BISHOP_ERR_NOT_FOUND');
    const read = await gql(
      'query($a: ID!) { avatar(id: $a) { blindTest { personaVersion } blindTestScores { guesses } } }',
      { a: avatarId },
      { token: stranger },
    );
    assert.equal(codeOf(read), 'BISHOP_ERR_NOT_FOUND');
    assert.equal(read.data?.avatar ?? null, null);
  });
});
