// The import rules of the architecture (docs/development.md, "Format, lint and layers"), checked by `npm run lint`.
// There are no known exceptions: a violation fails the check.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes two files one unit: neither can be read, tested or moved alone.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'engine-imports-no-module',
      severity: 'error',
      comment: 'The read engine is a library: it takes the domain as input (src/modules/entities.ts).',
      from: { path: '^src/engine/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'modules-import-no-server-or-plugin',
      severity: 'error',
      comment:
        'Domain modules are usable from the CLI and the routes: the server and its plugins use them, never back.',
      from: { path: '^src/modules/' },
      to: { path: '^src/(server|plugins)/' },
    },
    {
      name: 'modules-meet-through-index',
      severity: 'error',
      comment: "One domain module uses another only through that module's index.ts.",
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/([^/]+)/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/generated/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs'] },
    cache: { folder: 'node_modules/.cache/dependency-cruiser-rules', strategy: 'content' },
  },
};
