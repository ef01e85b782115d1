import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Resolver argument (and parent, result) types from the schema files, the API contract.
 * `npm run codegen -w gateways` rewrites src/graphql/generated/; `codegen:check` fails when it is stale.
 */
const config: CodegenConfig = {
  schema: 'src/graphql/schema/*.graphql',
  generates: {
    'src/graphql/generated/resolver-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        // An argument with a default is always there (null only when the schema lets a caller send null).
        avoidOptionals: { defaultValue: true },
        // What the scalars parse into (arguments) and accept (results): see resolvers/scalars.ts.
        scalars: {
          DateTime: { input: 'Date', output: 'Date | string' },
          Position: { input: 'bigint', output: 'bigint | string' },
          JSON: { input: 'unknown', output: 'unknown' },
        },
        contextType: '../request-context.ts#RequestContext',
      },
    },
  },
};

export default config;
