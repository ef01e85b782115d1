import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadSchemaSource } from '@bishop/gateways';
import {
  buildSchema,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { type BishopProcess, startBishopProcess } from '../src/bishop-process.ts';
import { graphqlOverHttp, graphqlOverWebSocket, subscribe } from '../src/graphql-client.ts';
import { temporaryDirectory } from '../src/test-env.ts';

/** Operations that name nothing: they act on the caller's own account, so there is nothing foreign to pass. */
const callerScoped = new Set([
  'Query.me',
  'Query.avatars',
  'Mutation.updateProfile',
  'Mutation.issueApiToken',
  'Mutation.deleteAccount',
  'Mutation.changePassword',
  'Mutation.createAvatar',
]);

const schema = buildSchema(loadSchemaSource());
type OwnedIds = Record<'AVATAR' | 'CHAT' | 'API_TOKEN', string>;

function ownedKind(argument: GraphQLArgument): keyof OwnedIds | null {
  const directive = argument.astNode?.directives?.find((d) => d.name.value === 'owned');
  const kind = directive?.arguments?.[0]?.value;
  return kind?.kind === 'EnumValue' ? (kind.value as keyof OwnedIds) : null;
}

function isPublic(field: GraphQLField<unknown, unknown>): boolean {
  return field.astNode?.directives?.some((d) => d.name.value === 'public') ?? false;
}

/** A plausible value of any input type, so the call reaches the ownership check. */
function sampleValue(type: GraphQLInputType): unknown {
  const inner = getNullableType(type);
  if (isListType(inner)) return [sampleValue(inner.ofType)];
  if (isEnumType(inner)) return inner.getValues()[0]?.value;
  if (isInputObjectType(inner)) {
    return Object.fromEntries(
      Object.values(inner.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, sampleValue(f.type)]),
    );
  }
  if (isScalarType(inner)) {
    return (
      (
        { String: 'Hijack attempt', Int: 1, Float: 1, Boolean: false, ID: crypto.randomUUID(), JSON: {} } as Record<
          string,
          unknown
        >
      )[inner.name] ?? 'x'
    );
  }
  return null;
}

/** The operation calling `field` with the victim's ids in every @owned argument. */
function attackOn(
  rootType: 'Query' | 'Mutation' | 'Subscription',
  field: GraphQLField<unknown, unknown>,
  ids: OwnedIds,
) {
  const variables: Record<string, unknown> = {};
  const declarations: string[] = [];
  const passed: string[] = [];
  for (const argument of field.args) {
    const kind = ownedKind(argument);
    if (!kind && !isNonNullType(argument.type)) continue;
    variables[argument.name] = kind ? ids[kind] : sampleValue(argument.type);
    declarations.push(`$${argument.name}: ${argument.type.toString()}`);
    passed.push(`${argument.name}: $${argument.name}`);
  }
  const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
  const operation = rootType === 'Query' ? 'query' : rootType === 'Mutation' ? 'mutation' : 'subscription';
  const query = `${operation}${declarations.length ? `(${declarations.join(', ')})` : ''} { ${field.name}${passed.length ? `(${passed.join(', ')})` : ''}${selection} }`;
  return { query, variables };
}

describe('cross-tenant access: user B against user A, every operation of the schema', () => {
  let dataDir: Awaited<ReturnType<typeof temporaryDirectory>>;
  let bishop: BishopProcess;
  let gql: ReturnType<typeof graphqlOverHttp>;
  let victim: string;
  let attacker: string;
  const ids = {} as OwnedIds;
  let materialUrl: string;

  before(async () => {
    dataDir = await temporaryDirectory('tenants');
    bishop = await startBishopProcess({ BISHOP_DATA_DIR: dataDir.path });
    gql = graphqlOverHttp(bishop.url);
    const signUp = async (email: string) =>
      (
        await gql(`mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }`, {
          i: { email, fullName: email, password: 'long enough password' },
        })
      ).data?.signUp.accessToken as string;
    victim = await signUp('victim@example.org');
    attacker = await signUp('attacker@example.org');
    ids.AVATAR = (
      await gql('mutation { createAvatar(name: "Victim") { avatarId } }', {}, { token: victim })
    ).data?.createAvatar.avatarId;
    ids.CHAT = (
      await gql(
        `mutation($a: ID!) { openChat(avatarId: $a, title: "Private") { chatId } }`,
        { a: ids.AVATAR },
        { token: victim },
      )
    ).data?.openChat.chatId;
    ids.API_TOKEN = (
      await gql('mutation { issueApiToken(name: "victim token") { token { id } } }', {}, { token: victim })
    ).data?.issueApiToken.token.id;
    const form = new FormData();
    form.append('file', new Blob([new TextEncoder().encode('private diary')]), 'diary.txt');
    const uploaded = await fetch(`${bishop.url}/api/avatars/${ids.AVATAR}/materials`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${victim}` },
    });
    const { results } = (await uploaded.json()) as { results: { materialId: string; position: string }[] };
    const listed = await gql(
      `query($a: ID!) { avatar(id: $a) { materials { downloadUrl } } }`,
      { a: ids.AVATAR },
      {
        token: victim,
        consistentWith: results[0]?.position,
      },
    );
    materialUrl = listed.data?.avatar.materials[0].downloadUrl;
  });
  after(async () => {
    await bishop?.stop();
    await dataDir?.remove();
  });

  const roots = ['Query', 'Mutation'] as const;
  for (const rootType of roots) {
    const fields = Object.values(
      schema.getType(rootType) && isObjectType(schema.getType(rootType))
        ? (schema.getType(rootType) as any).getFields()
        : {},
    ) as GraphQLField<unknown, unknown>[];
    for (const field of fields) {
      const name = `${rootType}.${field.name}`;
      if (isPublic(field)) continue;
      const owned = field.args.some((argument) => ownedKind(argument));
      if (!owned) {
        it(`${name} names nothing foreign (caller-scoped)`, () => {
          assert.ok(
            callerScoped.has(name),
            `${name} takes no @owned id: add a cross-tenant case or mark it caller-scoped here`,
          );
        });
        continue;
      }
      it(`${name} refuses B on A's ids`, async () => {
        const attack = attackOn(rootType, field, ids);
        const response = await gql(attack.query, attack.variables, { token: attacker });
        const codes = (response.errors ?? []).map((e) => e.extensions?.code);
        assert.ok(
          codes.length > 0 && codes.every((c) => c === 'NOT_FOUND' || c === 'FORBIDDEN'),
          `${attack.query} → ${JSON.stringify(response)}`,
        );
      });
    }
  }

  for (const field of Object.values((schema.getType('Subscription') as any).getFields()) as GraphQLField<
    unknown,
    unknown
  >[]) {
    it(`Subscription.${field.name} refuses B on A's ids`, async () => {
      const ws = graphqlOverWebSocket(bishop.url, attacker);
      const attack = attackOn('Subscription', field, ids);
      const running = subscribe(ws, attack.query, attack.variables);
      const deadline = Date.now() + 5000;
      while (running.errors.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      running.stop();
      await ws.dispose();
      assert.ok(JSON.stringify(running.errors).includes('NOT_FOUND'), JSON.stringify(running.errors));
      assert.deepEqual(running.results, []);
    });
  }

  it("caller-scoped reads never return A's data to B", async () => {
    const avatars = await gql('{ avatars { nodes { id } } }', {}, { token: attacker });
    assert.deepEqual(avatars.data?.avatars.nodes, []);
  });

  it("A's data survived every attack", async () => {
    const avatar = await gql(
      `query($a: ID!) { avatar(id: $a) { name status chats { nodes { title } } } }`,
      { a: ids.AVATAR },
      { token: victim },
    );
    assert.deepEqual(avatar.data?.avatar, {
      name: 'Victim',
      status: 'ACTIVE',
      chats: { nodes: [{ title: 'Private' }] },
    });
  });

  it("refuses B on A's media, with B's session or a forged signature", async () => {
    const path = materialUrl.split('?')[0];
    const withSession = await fetch(`${bishop.url}${path}`, { headers: { authorization: `Bearer ${attacker}` } });
    assert.equal(withSession.status, 404);
    const forged = await fetch(`${bishop.url}${materialUrl.replace(/u=[^&]+/, 'u=someone-else')}`);
    assert.equal(forged.status, 401);
    const owner = await fetch(`${bishop.url}${materialUrl}`);
    assert.equal(owner.status, 200);
  });
});
