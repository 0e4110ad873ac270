/**
 * The architecture, as rules (docs/ARCHITECTURE.md "Dependencies point down"):
 * no import cycles; src/core is the ground floor and imports nothing above it;
 * a feature reaches another feature only through that feature's public index.ts.
 * Known violations that are still being moved are listed in
 * .dependency-cruiser-known-violations.json (made with `npm run arch:baseline`);
 * a new violation fails `npm run arch`.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'An import cycle makes start-up order and testing depend on who imports first (type-only imports are erased at run time and do not count).',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'core-is-the-ground-floor',
      severity: 'error',
      comment: 'src/core is shared by every feature and imports none of them (nor auth).',
      from: { path: '^src/core/' },
      to: { path: '^src/', pathNot: '^src/core/' },
    },
    {
      name: 'features-through-their-index',
      severity: 'error',
      comment: 'A feature uses another feature only through its public src/<feature>/index.ts.',
      from: { path: '^src/([^/]+)/', pathNot: '^src/(core|cli|demo|scale|app\\.ts|features\\.ts)' },
      to: {
        path: '^src/([^/]+)/',
        pathNot: ['^src/core/', '^src/$1/', '^src/[^/]+/index\\.ts$', '^src/demo/context\\.ts$'],
      },
    },
    {
      name: 'web-not-server-runtime',
      severity: 'error',
      comment: 'The web client may use the server\'s schemas and types, never its runtime code.',
      from: { path: '^web/' },
      to: { path: '^src/', pathNot: ['schemas\\.ts$', '^src/core/schema-tools\\.ts$', '\\.types\\.ts$'], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)(node_modules|dist|\\.tmp|test-output)/', '\\.test\\.ts$', '^src/reminders/test-receivers\\.ts$'] },
    includeOnly: '^(src|web/src)/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
