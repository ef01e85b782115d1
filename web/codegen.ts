import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations from the gateway's schema files (the API contract). `npm run codegen`
 * rewrites src/lib/graphql/generated/; `npm run codegen:check` fails when it is stale.
 */
const config: CodegenConfig = {
  schema: '../gateways/src/graphql/schema/*.graphql',
  documents: ['src/lib/graphql/operations/**/*.ts'],
  ignoreNoDocuments: false,
  generates: {
    'src/lib/graphql/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false, object: false },
        scalars: {
          DateTime: 'string',
          Position: 'string',
          JSON: 'unknown',
        },
      },
    },
  },
};

export default config;
