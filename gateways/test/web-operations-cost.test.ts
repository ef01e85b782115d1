import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildSchema, type DefinitionNode, Kind, type OperationDefinitionNode, parse, type TypeNode } from 'graphql';
import { assertQueryComplexity, DEFAULT_MAX_COMPLEXITY } from '../src/graphql/query-complexity.ts';
import { loadSchemaSource } from '../src/graphql/schema-source.ts';

const operationsDir = fileURLToPath(new URL('../../web/src/lib/graphql/operations/', import.meta.url));

/** Every graphql(`…`) document of the web app's operations, read as text (the web app is not a dependency). */
async function webDefinitions(): Promise<DefinitionNode[]> {
  const definitions: DefinitionNode[] = [];
  for (const file of await readdir(operationsDir)) {
    const source = await readFile(join(operationsDir, file), 'utf8');
    for (const [, text] of source.matchAll(/graphql\(`([^`]*)`\)/g)) definitions.push(...parse(text ?? '').definitions);
  }
  return definitions;
}

/** A value for each variable the operation requires, as the web app would send (page sizes from variables: 1). */
function variablesFor(operation: OperationDefinitionNode): Record<string, unknown> {
  const sampleValue = (type: TypeNode): unknown => {
    if (type.kind === Kind.NON_NULL_TYPE) return sampleValue(type.type);
    if (type.kind === Kind.LIST_TYPE) return [sampleValue(type.type)];
    return { ID: 'id', String: 'text', Int: 1, Float: 1, Boolean: false }[type.name.value];
  };
  const required = (operation.variableDefinitions ?? []).filter((v) => v.type.kind === Kind.NON_NULL_TYPE);
  return Object.fromEntries(required.map((v) => [v.variable.name.value, sampleValue(v.type)]));
}

/**
 * The web app's own queries must pass the gateway's cost limit: a field added to a fragment that a
 * 100-item page repeats once pushed the chat page's query past it, and every chat showed "Something
 * went wrong" (found by the voice-chat browser test).
 */
describe('the web app’s operations against the query cost limit', () => {
  it('each costs at most the default limit, with its page sizes as written', async () => {
    const schema = buildSchema(loadSchemaSource());
    const definitions = await webDefinitions();
    const fragments = definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
    // Queries and subscriptions: what can ask for pages (a mutation's payload is one item).
    const operations = definitions.filter(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.operation !== 'mutation',
    );
    assert.ok(operations.length > 10, `found the operations (${operations.length})`);
    const tooCostly: string[] = [];
    for (const operation of operations) {
      const document = { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] } as const;
      try {
        assertQueryComplexity(schema, document, variablesFor(operation), DEFAULT_MAX_COMPLEXITY);
      } catch (error) {
        tooCostly.push(`${operation.name?.value}: ${(error as Error).message}`);
      }
    }
    assert.deepEqual(tooCostly, []);
  });
});
