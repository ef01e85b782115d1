import { createHash, randomUUID } from 'node:crypto';
import { eventually } from './async.ts';
import { type BishopProcess, startBishopProcess } from './bishop-process.ts';
import { graphqlOverHttp, graphqlOverWebSocket, subscribe } from './graphql-client.ts';
import { temporaryDirectory, testDatabaseUrl, testModelEnvironment, uniqueSchema } from './test-env.ts';

export interface ReplyView {
  id: string;
  text: string;
  personaVersion: number | null;
  model: string;
  promptTokens: number;
  completionTokens: number;
  sourceIds: string[];
  dub: { state: string; audioUrl: string | null; durationSec: number | null; voice: string | null } | null;
  cut: { heardSec: number; spokenSec: number; heardText: string | null } | null;
}

export interface VoiceView {
  transcriptState: 'TRANSCRIBING' | 'TRANSCRIBED' | 'FAILED';
  audioUrl: string | null;
  mediaType: string | null;
  durationSec: number | null;
  language: string | null;
  segments: { startSec: number; endSec: number; text: string }[] | null;
  callId: string | null;
}

export interface MessageView {
  id: string;
  kind: 'TEXT' | 'VOICE';
  text: string | null;
  voice: VoiceView | null;
  replyState: 'PENDING' | 'REPLIED' | 'FAILED' | 'CANCELLED';
  reply: ReplyView | null;
  failure: { code: string; reason: string } | null;
}

export interface TokenView {
  messageId: string;
  index: number;
  text: string;
  done: boolean;
}

const MESSAGE_FIELDS = `id kind text replyState failure { code reason }
  voice { transcriptState audioUrl mediaType durationSec language segments { startSec endSec text } callId }
  reply { id text personaVersion model promptTokens completionTokens sourceIds
    dub { state audioUrl durationSec voice } cut { heardSec spokenSec heardText } }`;

/**
 * A real `bishop start` (PostgreSQL server, test models) and a signed-up user
 * driving it over HTTP and WebSocket: avatars, materials, training, chats,
 * and each chat's replyTokens + messageChanged subscriptions, recorded with
 * their arrival times.
 */
export async function openReplyRig(label: string, env: Record<string, string> = {}, startTimeoutMs = 60_000) {
  const dataDir = await temporaryDirectory(label);
  const schema = uniqueSchema(label.replace(/\W/g, '_'));
  const bishopEnv = {
    BISHOP_DATA_DIR: dataDir.path,
    BISHOP_DATABASE_URL: testDatabaseUrl,
    BISHOP_DATABASE_SCHEMA: schema,
    BISHOP_READ_SCHEMA: `${schema}_read`,
    // Replies are what this rig watches; dubbing them would only compete for the two cores.
    BISHOP_TTS_ENGINES: 'none',
    ...testModelEnvironment(),
    ...env,
  };
  // A restart (same data, database and schema) replaces it: every call below reads the current one.
  let bishop: BishopProcess = await startBishopProcess(bishopEnv, startTimeoutMs);
  const gql = (query: string, variables: Record<string, unknown> = {}, options: { token?: string } = {}) =>
    graphqlOverHttp(bishop.url)(query, variables, options);
  const signUp = await gql(`mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }`, {
    i: { email: `${label}-${randomUUID()}@example.org`, fullName: 'Анна Петрова', password: 'long enough password' },
  });
  const token: string = signUp.data?.signUp.accessToken;
  if (!token) throw new Error(`sign-up failed: ${JSON.stringify(signUp.errors)}`);
  const call = async (query: string, variables: Record<string, unknown> = {}) => {
    const result = await gql(query, variables, { token });
    if (result.errors) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(result.errors)}`);
    // biome-ignore lint/suspicious/noExplicitAny: GraphQL answers are shaped by the query; the tests assert on them.
    return result.data as Record<string, any>;
  };
  const sockets: { dispose(): unknown }[] = [];

  async function createAvatar(name: string): Promise<string> {
    // Read back through the payload: it waits for the read models, so the next query sees the avatar.
    const created = await call('mutation($n: String!) { createAvatar(name: $n) { avatarId avatar { id } } }', {
      n: name,
    });
    return created.createAvatar.avatarId;
  }

  async function upload(avatarId: string, files: { name: string; text: string }[]): Promise<Record<string, string>> {
    const form = new FormData();
    for (const file of files) form.append('file', new Blob([file.text]), file.name);
    const response = await fetch(`${bishop.url}/api/avatars/${avatarId}/materials`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${token}` },
    });
    const { results } = (await response.json()) as { results: { materialId: string; fileName: string }[] };
    await eventually(async () => {
      const read = await call('query($a: ID!) { avatar(id: $a) { materials { id state } } }', { a: avatarId });
      const materials: { id: string; state: string }[] = read.avatar.materials;
      return results.every((r) => materials.some((m) => m.id === r.materialId && m.state === 'READY'));
    }, 60_000);
    return Object.fromEntries(results.map((r) => [r.fileName, r.materialId]));
  }

  async function chooseParticipant(avatarId: string, materialId: string, participant: string) {
    await call(
      'mutation($a: ID!, $m: ID!, $p: String!) { chooseChatParticipant(avatarId: $a, materialId: $m, participant: $p) { position } }',
      { a: avatarId, m: materialId, p: participant },
    );
  }

  /** Trains and waits for the run to complete; returns the persona version it produced. */
  async function train(avatarId: string, settings: Record<string, number> = {}): Promise<number> {
    const runId: string = (
      await call('mutation($a: ID!, $s: JSON) { startTraining(avatarId: $a, settings: $s) { runId } }', {
        a: avatarId,
        s: settings,
      })
    ).startTraining.runId;
    let version: number | null = null;
    await eventually(async () => {
      const read = await call(
        'query($a: ID!) { avatar(id: $a) { trainingRuns { nodes { id status personaVersion failure { reason } } } } }',
        { a: avatarId },
      );
      const run = read.avatar.trainingRuns.nodes.find((r: { id: string }) => r.id === runId);
      if (run?.status === 'FAILED') throw new Error(`training failed: ${run.failure?.reason}`);
      version = run?.status === 'COMPLETED' ? run.personaVersion : null;
      return version !== null;
    }, 90_000);
    return version as unknown as number;
  }

  async function activate(avatarId: string, version: number) {
    await call('mutation($a: ID!, $v: Int!) { activatePersonaVersion(avatarId: $a, version: $v) { position } }', {
      a: avatarId,
      v: version,
    });
  }

  /** Opens a chat and subscribes to its reply tokens and message changes before anything is sent. */
  async function openChat(avatarId: string, options: { personaVersion?: number } = {}) {
    const chatId: string = (
      await call(
        'mutation($a: ID!, $v: Int) { openChat(avatarId: $a, title: "Разговор", personaVersion: $v) { chatId } }',
        {
          a: avatarId,
          v: options.personaVersion ?? null,
        },
      )
    ).openChat.chatId;
    const ws = graphqlOverWebSocket(bishop.url, token);
    sockets.push(ws);
    const connected = new Promise((resolve) => ws.on('connected', resolve));
    const tokens = subscribe<{ replyTokens: TokenView }>(
      ws,
      'subscription($c: ID!) { replyTokens(chatId: $c) { messageId index text done } }',
      { c: chatId },
    );
    const changes = subscribe<{ messageChanged: { message: MessageView } }>(
      ws,
      `subscription($c: ID!) { messageChanged(chatId: $c) { message { ${MESSAGE_FIELDS} } } }`,
      { c: chatId },
    );
    await connected;
    // The server registers the subscriptions right after the handshake; give it a moment.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const arrivals = new Map<object, number>();
    const stamp = <T extends object>(list: T[]) => {
      const push = list.push.bind(list);
      list.push = (...items: T[]) => {
        for (const item of items) arrivals.set(item, performance.now());
        return push(...items);
      };
    };
    stamp(tokens.results);
    stamp(changes.results);

    const tokensOf = (messageId: string) =>
      tokens.results.map((r) => r.replyTokens).filter((t) => t.messageId === messageId);

    return {
      chatId,
      async send(text: string): Promise<{ messageId: string; sentAt: number }> {
        const sentAt = performance.now();
        const sent = await call('mutation($c: ID!, $t: String!) { sendMessage(chatId: $c, text: $t) { messageId } }', {
          c: chatId,
          t: text,
        });
        return { messageId: sent.sendMessage.messageId, sentAt };
      },
      /** Uploads a voice message (POST /api/chats/:chatId/voice-messages). */
      async sendVoice(bytes: Uint8Array, fileName: string): Promise<{ status: number; body: unknown }> {
        const form = new FormData();
        form.append('file', new Blob([bytes]), fileName);
        const response = await fetch(`${bishop.url}/api/chats/${chatId}/voice-messages`, {
          method: 'POST',
          body: form,
          headers: { authorization: `Bearer ${token}` },
        });
        const body = (await response.json()) as { error?: unknown };
        return { status: response.status, body: body.error ?? body };
      },
      /** Every state of the message seen on `messageChanged`, until `done` holds for one of them. */
      async voiceChanges(messageId: string, done: (message: MessageView) => boolean, timeoutMs = 60_000) {
        const mine = (r: { messageChanged: { message: MessageView } }) => r.messageChanged.message.id === messageId;
        await changes.until((results) => results.some((r) => mine(r) && done(r.messageChanged.message)), timeoutMs);
        return changes.results.filter(mine).map((r) => r.messageChanged.message);
      },
      async cancel(messageId: string) {
        await call('mutation($c: ID!, $m: ID!) { cancelReply(chatId: $c, messageId: $m) { position } }', {
          c: chatId,
          m: messageId,
        });
      },
      tokensOf,
      /** When the first token of the message arrived over the subscription. */
      firstTokenAt: (messageId: string) => {
        const first = tokens.results.find((r) => r.replyTokens.messageId === messageId);
        return first ? arrivals.get(first) : undefined;
      },
      /** When the latest token of the message arrived so far. */
      lastTokenAt: (messageId: string) => {
        const last = tokens.results.filter((r) => r.replyTokens.messageId === messageId).at(-1);
        return last ? arrivals.get(last) : undefined;
      },
      /** Waits for the message's final state; returns it with when it (and its last token) arrived. */
      async settled(messageId: string, timeoutMs = 60_000) {
        const final = (r: { messageChanged: { message: MessageView } }) =>
          r.messageChanged.message.id === messageId && r.messageChanged.message.replyState !== 'PENDING';
        await changes.until((results) => results.some(final), timeoutMs);
        const change = changes.results.find(final) as { messageChanged: { message: MessageView } };
        const lastToken = tokens.results.filter((r) => r.replyTokens.messageId === messageId).at(-1);
        return {
          message: change.messageChanged.message,
          settledAt: arrivals.get(change) as number,
          lastTokenAt: lastToken ? arrivals.get(lastToken) : undefined,
          tokens: tokensOf(messageId),
        };
      },
      async messages(): Promise<MessageView[]> {
        return (
          await call(`query($c: ID!) { chat(id: $c) { messages(first: 100) { nodes { ${MESSAGE_FIELDS} } } } }`, {
            c: chatId,
          })
        ).chat.messages.nodes;
      },
    };
  }

  return {
    get bishop() {
      return bishop;
    },
    /** Bishop's data directory (blobs on the file system, keys). */
    dataDir: dataDir.path,
    token,
    call,
    createAvatar,
    upload,
    chooseParticipant,
    train,
    activate,
    openChat,
    async readiness() {
      return (await (await fetch(`${bishop.url}/readyz`)).json()) as {
        status: string;
        checks: Record<string, { ok: boolean; detail?: string; error?: string }>;
      };
    },
    /** Stops Bishop with `signal` and starts it again on the same data; the user's token stays valid. */
    async restart(signal: NodeJS.Signals = 'SIGTERM') {
      const code = await bishop.stop(signal);
      bishop = await startBishopProcess(bishopEnv, startTimeoutMs);
      return code;
    },
    async stop() {
      await Promise.all(sockets.map((socket) => socket.dispose()));
      await bishop.stop();
      await dataDir.remove();
    },
  };
}

/**
 * A passage's id as training gives it: `<materialId>:<content hash>`. Mirrors
 * contentHash in ml-workers/src/training/passages.ts (words only, lower case,
 * ё as е; 16 bytes of SHA-256), so a test can name the passage it expects.
 */
export function passageId(materialId: string, text: string): string {
  const words = (
    text
      .toLowerCase()
      .replace(/ё/g, 'е')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).join(' ');
  return `${materialId}:${createHash('sha256').update(words).digest('hex').slice(0, 32)}`;
}

/** A Telegram Desktop personal-chat export (result.json) of these exchanges: [their message, the person's reply]. */
export function telegramExport(
  person: string,
  other: string,
  exchanges: readonly (readonly [string, string])[],
): string {
  const start = Date.UTC(2024, 2, 1, 9, 0, 0) / 1000;
  const message = (id: number, at: number, from: string, text: string) => ({
    id,
    type: 'message',
    date: new Date(at * 1000).toISOString().slice(0, 19),
    date_unixtime: String(at),
    from,
    from_id: from === person ? 'user1001' : 'user2002',
    text,
    text_entities: [{ type: 'plain', text }],
  });
  const messages = exchanges.flatMap(([said, reply], i) => [
    message(2 * i + 1, start + i * 3600, other, said),
    message(2 * i + 2, start + i * 3600 + 60, person, reply),
  ]);
  return JSON.stringify({ name: other, type: 'personal_chat', id: 777, messages }, null, 1);
}
