import type { CodegenConfig } from '@graphql-codegen/cli';

// Operation types come from the API's own schema (the server writes ../schema.gql at every
// non-production start): a query asking for a field the API does not have fails the build.
const config: CodegenConfig = {
  schema: '../schema.gql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // Money: whole kroner, a JSON number out; sent as a decimal string from forms (exact, as the API accepts).
        scalars: { Money: { input: 'number | string', output: 'number' }, Date: 'string', DateTime: 'string' },
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
  },
};

export default config;
