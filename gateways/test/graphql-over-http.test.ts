import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { negotiate } from '../src/graphql/graphql-over-http.ts';

describe('GraphQL over HTTP: choosing the response media type from Accept', () => {
  const cases: [string | undefined, string | null][] = [
    [undefined, 'application/json'],
    ['', 'application/json'],
    ['*/*', 'application/json'],
    ['application/json', 'application/json'],
    ['application/graphql-response+json', 'application/graphql-response+json'],
    ['application/graphql-response+json, application/json;q=0.9', 'application/graphql-response+json'],
    ['application/json, application/graphql-response+json', 'application/graphql-response+json'],
    ['application/json, application/graphql-response+json;q=0.5', 'application/json'],
    ['application/graphql-response+json;q=0, application/json', 'application/json'],
    ['text/html', null],
  ];
  for (const [accept, expected] of cases) {
    it(`answers ${JSON.stringify(accept)} with ${expected ?? '406'}`, () => {
      assert.equal(negotiate(accept), expected);
    });
  }
});
