import { createHash } from 'node:crypto';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { addTypenameSelectionDocumentTransform } from '@graphql-codegen/client-preset';

// A front-end team's codegen: typed `graphql()` documents from Dishui's contract. Run from this
// folder (`npm run example:codegen` at the repository root does).
const config: CodegenConfig = {
  schema: '../../schema.graphql',
  documents: ['src/**/*.ts', '!src/gql/**/*'],
  ignoreNoDocuments: false,
  // `.js` in the generated imports: the files then compile under Node's ESM resolution as well as a bundler's.
  emitLegacyCommonJSImports: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        // persisted-documents.json maps the SHA-256 (hex) of each operation to its text: the
        // manifest Dishui's safelist mode loads, and the hash Apollo's persisted-query link sends.
        persistedDocuments: {
          hashAlgorithm: (operation: string) => createHash('sha256').update(operation).digest('hex'),
        },
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { Decimal: 'string', Date: 'string', DateTime: 'string', JSON: 'unknown' },
      },
      // With persisted operations the server runs the manifest's text, not the client's; Apollo
      // Client's cache needs __typename on every object, so the manifest must ask for it.
      documentTransforms: [addTypenameSelectionDocumentTransform],
    },
  },
};

export { config as default };
