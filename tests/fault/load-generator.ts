import { randomUUID } from 'node:crypto';
import { graphqlOverHttp } from '../src/graphql-client.ts';

/** One logical command the generator sent, and what the system answered. */
export interface SentCommand {
  readonly kind: 'createAvatar' | 'renameAvatar' | 'editPersonaCard' | 'openChat' | 'upload';
  readonly userId: string;
  /** The idempotency key, for commands a client may safely retry. */
  readonly clientMutationId?: string;
  accepted: boolean;
  /** Position the gateway answered with (accepted commands but uploads). */
  position?: string;
  /** The material id an accepted upload was given: a job for the extract workers. */
  materialId?: string;
  attempts: number;
  lastError?: string;
}

/** A mutation's data: `{ createAvatar: { avatarId, position } }` and the like. */
type Payload = Record<string, Record<string, string>>;

interface User {
  readonly email: string;
  userId: string;
  token: string;
  readonly avatars: string[];
}

const PASSWORD = 'fault suite password';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;

/** The user id inside an access token (its `sub`). */
const subjectOf = (token: string) =>
  (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { sub: string }).sub;

/**
 * Sends a few hundred commands and upload jobs through the gateways, as
 * clients would while processes die under them: idempotent commands
 * (createAvatar, openChat: they carry a clientMutationId) are retried after
 * a network failure, the others are not. Every command is written down with
 * the answer it got, for the checks afterwards.
 */
export function createLoadGenerator(gatewayUrls: () => readonly string[]) {
  const sent: SentCommand[] = [];
  const users: User[] = [];
  const gateway = () => graphqlOverHttp(pick(gatewayUrls()));

  /** A GraphQL call that survives the gateway it went to dying: transport failures are thrown, GraphQL errors returned. */
  async function call(query: string, variables: Record<string, unknown>, token?: string) {
    return gateway()(query, variables, token ? { token } : {});
  }

  async function signUpUser(index: number): Promise<void> {
    const email = `load-${index}-${randomUUID().slice(0, 8)}@example.org`;
    for (let attempt = 1; ; attempt++) {
      try {
        const up = await call('mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }', {
          i: { email, fullName: `Load ${index}`, password: PASSWORD },
        });
        let token = up.data?.signUp?.accessToken as string | undefined;
        // The first attempt may have been accepted with its answer lost: the account exists, so log in.
        if (!token && up.errors?.[0]?.extensions?.bishopCode === 'BISHOP_ERR_EMAIL_TAKEN') {
          const login = await call(
            'mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { accessToken } }',
            {
              e: email,
              p: PASSWORD,
            },
          );
          token = login.data?.logIn?.accessToken;
        }
        if (token) {
          users.push({ email, token, userId: subjectOf(token), avatars: [] });
          return;
        }
        if (attempt > 30) throw new Error(`cannot sign up ${email}: ${JSON.stringify(up.errors)}`);
      } catch (error) {
        if (attempt > 30) throw error;
      }
      await sleep(300);
    }
  }

  async function send(
    command: SentCommand,
    retryable: boolean,
    attemptOnce: () => Promise<{ data?: Payload | null; errors?: readonly { message: string }[] }>,
    onAccepted: (data: Payload) => void,
  ): Promise<void> {
    sent.push(command);
    for (;;) {
      command.attempts++;
      try {
        const result = await attemptOnce();
        if (result.data && !result.errors?.length) {
          command.accepted = true;
          onAccepted(result.data);
        } else {
          command.lastError = result.errors?.[0]?.message ?? 'no data';
        }
        return;
      } catch (error) {
        command.lastError = (error as Error).message;
        if (!retryable || command.attempts >= 8) return;
        await sleep(250 * command.attempts);
      }
    }
  }

  async function oneCommand(user: User): Promise<void> {
    const roll = Math.random();
    const avatar = user.avatars.length ? pick(user.avatars) : undefined;
    if (!avatar || roll < 0.3) {
      const clientMutationId = randomUUID();
      const command: SentCommand = {
        kind: 'createAvatar',
        userId: user.userId,
        clientMutationId,
        accepted: false,
        attempts: 0,
      };
      return send(
        command,
        true,
        () =>
          call(
            'mutation($n: String!, $c: ID) { createAvatar(name: $n, clientMutationId: $c) { avatarId position } }',
            { n: `Avatar ${sent.length}`, c: clientMutationId },
            user.token,
          ),
        (data) => {
          command.position = data.createAvatar?.position;
          const created = data.createAvatar?.avatarId;
          if (created) user.avatars.push(created);
        },
      );
    }
    if (roll < 0.5) {
      const command: SentCommand = { kind: 'renameAvatar', userId: user.userId, accepted: false, attempts: 0 };
      return send(
        command,
        false,
        () =>
          call(
            'mutation($a: ID!, $n: String!) { renameAvatar(id: $a, name: $n) { position } }',
            { a: avatar, n: `Renamed ${sent.length}` },
            user.token,
          ),
        (data) => {
          command.position = data.renameAvatar?.position;
        },
      );
    }
    if (roll < 0.65) {
      const command: SentCommand = { kind: 'editPersonaCard', userId: user.userId, accepted: false, attempts: 0 };
      return send(
        command,
        false,
        () =>
          call(
            'mutation($a: ID!, $c: PersonaCardInput!) { editPersonaCard(id: $a, card: $c) { position } }',
            { a: avatar, c: { description: `A person, version ${sent.length}`, languages: ['en', 'ru'] } },
            user.token,
          ),
        (data) => {
          command.position = data.editPersonaCard?.position;
        },
      );
    }
    if (roll < 0.8) {
      const clientMutationId = randomUUID();
      const command: SentCommand = {
        kind: 'openChat',
        userId: user.userId,
        clientMutationId,
        accepted: false,
        attempts: 0,
      };
      return send(
        command,
        true,
        () =>
          call(
            'mutation($a: ID!, $t: String!, $c: ID) { openChat(avatarId: $a, title: $t, clientMutationId: $c) { chatId position } }',
            { a: avatar, t: `Chat ${sent.length}`, c: clientMutationId },
            user.token,
          ),
        (data) => {
          command.position = data.openChat?.position;
        },
      );
    }
    const command: SentCommand = { kind: 'upload', userId: user.userId, accepted: false, attempts: 0 };
    return send(
      command,
      false,
      async () => {
        const form = new FormData();
        const text = `Notes ${sent.length}: what the person said about stars, light and time.\n`.repeat(8);
        form.append('file', new Blob([text], { type: 'text/plain' }), `notes-${sent.length}.txt`);
        const response = await fetch(`${pick(gatewayUrls())}/api/avatars/${avatar}/materials`, {
          method: 'POST',
          body: form,
          headers: { authorization: `Bearer ${user.token}` },
        });
        const body = (await response.json()) as { results?: { materialId?: string; error?: { message?: string } }[] };
        const [result] = body.results ?? [];
        return result?.materialId
          ? { data: { upload: { materialId: result.materialId } } }
          : { errors: [{ message: result?.error?.message ?? `HTTP ${response.status}` }] };
      },
      (data) => {
        command.materialId = data.upload?.materialId;
      },
    );
  }

  return {
    sent,
    users,
    async signUp(count: number): Promise<void> {
      for (let i = 0; i < count; i++) await signUpUser(i);
    },
    /** Sends `total` commands, `concurrency` at a time with a pause after each, from random users to random gateways. */
    async run(total: number, concurrency: number, pauseMs: number): Promise<void> {
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < total) {
            next++;
            await oneCommand(pick(users));
            await sleep(pauseMs);
          }
        }),
      );
    },
  };
}
