import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import {
  buildSchema,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  type NamedTypeNode,
  parse,
  typeFromAST,
} from 'graphql';
import { DEFAULT_MAX_COMPLEXITY } from '../src/graphql/graphql.plugin.ts';
import { assertQueryComplexity } from '../src/graphql/query-complexity.ts';
import { loadSchemaSource } from '../src/graphql/schema-source.ts';

// The web app's typed operations as codegen wrote them (read as text: the gateway never imports the app).
const generated = new URL('../../web/src/lib/graphql/generated/graphql.ts', import.meta.url);

/** Each operation document (with the fragments it uses) in the generated file. */
async function webOperations(): Promise<{ name: string; text: string }[]> {
  const source = await readFile(generated, 'utf8');
  return [...source.matchAll(/new TypedDocumentString\(`([\s\S]*?)`/g)]
    .map((match) => (match[1] as string).trim())
    .filter((text) => /^(query|mutation|subscription)\b/.test(text))
    .map((text) => ({ name: /^\w+ (\w+)/.exec(text)?.[1] ?? text.slice(0, 40), text }));
}

/** A value for each variable, as a page would send it (ids, texts, numbers, enums; input objects field by field). */
function sampleVariables(schema: GraphQLSchema, document: DocumentNode): Record<string, unknown> {
  const sample = (type: GraphQLInputType): unknown => {
    if (isNonNullType(type)) return sample(type.ofType);
    if (isListType(type)) return [sample(type.ofType)];
    if (isEnumType(type)) return type.getValues()[0]?.name;
    if (isInputObjectType(type)) {
      return Object.fromEntries(Object.values(type.getFields()).map((field) => [field.name, sample(field.type)]));
    }
    const scalars: Record<string, unknown> = {
      Int: 1,
      Float: 1,
      Boolean: true,
      DateTime: '2026-01-01T00:00:00Z',
      JSON: {},
    };
    // IDs and texts: any string does (a date, for the text fields that want one).
    return scalars[type.name] ?? '2026-01-01';
  };
  const variables: Record<string, unknown> = {};
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      const type = typeFromAST(schema, variable.type as NamedTypeNode) as GraphQLInputType | undefined;
      if (type) variables[variable.variable.name.value] = sample(type);
    }
  }
  return variables;
}

describe('the web app’s operations', () => {
  it('each cost no more than the gateway allows (a refused one breaks its page for everyone)', async () => {
    const schema = buildSchema(loadSchemaSource());
    const operations = await webOperations();
    assert.ok(operations.length > 50, `${operations.length} operations found`);
    const refused = operations.flatMap(({ name, text }) => {
      const document = parse(text);
      const variables = sampleVariables(schema, document);
      // Priced at all? (A query that cannot be priced, e.g. for variables that do not fit, is let through.)
      assert.throws(() => assertQueryComplexity(schema, document, variables, 0), /too complex/, `${name} was priced`);
      try {
        assertQueryComplexity(schema, document, variables, DEFAULT_MAX_COMPLEXITY);
        return [];
      } catch (error) {
        return [`${name}: ${(error as Error).message}`];
      }
    });
    assert.deepEqual(refused, []);
  });
});
