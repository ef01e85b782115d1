import { graphqlOverHttp } from '../src/graphql-client.ts';

/** What the gateway benchmarks read and subscribe to: one user's avatar with materials, and a chat. */
export interface GatewaySeed {
  readonly token: string;
  readonly avatarId: string;
  readonly chatId: string;
}

/**
 * Signs up, creates an avatar, uploads `materials` small text files (if any)
 * in one multipart request and opens a chat, all through the public API; resolves
 * once the read models show everything.
 */
export async function seedGateway(url: string, materials: number): Promise<GatewaySeed> {
  const gql = graphqlOverHttp(url);
  const data = async <Data>(query: string, variables: Record<string, unknown>, options: { token?: string } = {}) => {
    const response = await gql<Data>(query, variables, options);
    if (response.errors || !response.data) throw new Error(`seeding failed: ${JSON.stringify(response.errors)}`);
    return response.data;
  };

  const signedUp = await data<{ signUp: { accessToken: string } }>(
    'mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }',
    {
      input: { email: `bench-${Date.now()}@example.org`, fullName: 'Bench Person', password: 'correct horse battery' },
    },
  );
  const token = signedUp.signUp.accessToken;
  const created = await data<{ createAvatar: { avatarId: string } }>(
    'mutation { createAvatar(name: "Bench Avatar") { avatarId } }',
    {},
    { token },
  );
  const { avatarId } = created.createAvatar;

  if (materials > 0) await uploadTextFiles(url, token, avatarId, materials);
  // The payload's `chat` field waits for the read models, which by then include every upload above.
  const opened = await data<{ openChat: { chatId: string } }>(
    'mutation($a: ID!) { openChat(avatarId: $a, title: "Bench chat") { chatId chat { id } } }',
    { a: avatarId },
    { token },
  );
  return { token, avatarId, chatId: opened.openChat.chatId };
}

async function uploadTextFiles(url: string, token: string, avatarId: string, count: number): Promise<void> {
  const form = new FormData();
  for (let i = 0; i < count; i++) {
    const text = `Lecture notes, part ${i + 1}.\nWe spoke about gardens, letters and long walks.\n`;
    form.append('file', new Blob([text], { type: 'text/plain' }), `notes-${String(i + 1).padStart(2, '0')}.txt`);
  }
  const response = await fetch(`${url}/api/avatars/${avatarId}/materials`, {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${token}` },
  });
  const body = await response.text();
  const results = response.ok ? (JSON.parse(body) as { results: { materialId?: string }[] }).results : [];
  if (results.length !== count || results.some((result) => !result.materialId)) {
    throw new Error(`seeding upload failed (${response.status}): ${body}`);
  }
}
