// @ts-check
/**
 * The house's boundaries, checked by `npm run check:boundaries` (part of `npm run check`) and proved by
 * server/boundaries.test.ts, which runs these very rules on fixtures with one deliberate violation each.
 *
 * Paths in the rules are relative to the repository root (dependency-cruiser's basedir). Type-only
 * imports count like any other: tsPreCompilationDeps keeps them in the graph, so a boundary cannot be
 * crossed by `import type` and a cycle made only of types is still a cycle.
 */

/** A test file or a test helper: `*.test.ts`, anything under a `testing/` folder, server/testing/. */
const TEST = '(\\.test\\.tsx?$|/testing/)';
/** A module's public entries: its index.ts (runtime) and testing/index.ts (tests and demo seeding). */
const MODULE_RUNTIME_ENTRY = '^server/modules/[^/]+/index\\.ts$';
const MODULE_TESTING_ENTRY = '^server/modules/[^/]+/testing/index\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'platform-not-to-modules',
      comment:
        'The platform is the shared mechanism the modules build on: it must not know any business module, ' +
        'or a change in one module could break every other. Nor may it import the composition root ' +
        '(server/*.ts: app, house, bootstrap, ...), which imports every module. Platform tests and testing/ ' +
        'helpers may boot the whole house through server/*.ts, and reach a module only through its entries ' +
        '(outside-to-module-via-entries).',
      severity: 'error',
      from: { path: '^server/platform/', pathNot: TEST },
      to: { path: '^server/(modules/|[^/]+\\.tsx?$)' },
    },
    {
      name: 'module-to-module-via-index',
      comment:
        'A module is used by other modules only through its index.ts (its one public API); its tables, ' +
        'stores and helpers stay its own. A test of module A (a *.test.ts or A/testing/**) may also use ' +
        "B/testing/index.ts, B's entry for seeding and fixtures.",
      severity: 'error',
      from: { path: '^server/modules/([^/]+)/' },
      to: {
        path: '^server/modules/[^/]+/',
        pathNot: ['^server/modules/$1/', MODULE_RUNTIME_ENTRY, MODULE_TESTING_ENTRY],
      },
    },
    {
      name: 'outside-to-module-via-entries',
      comment:
        'Code outside the modules (the composition root server/*.ts, the modules list, platform tests, ' +
        'demo seeding, benchmarks, page tests) reaches a module only through index.ts or testing/index.ts, ' +
        'so a module can rearrange its insides without breaking them.',
      severity: 'error',
      from: { pathNot: '^server/modules/[^/]+/' },
      to: { path: '^server/modules/[^/]+/', pathNot: [MODULE_RUNTIME_ENTRY, MODULE_TESTING_ENTRY] },
    },
    {
      name: 'contracts-isolated',
      comment:
        'contracts/ holds the request and response types shared by the server and the web console; it ' +
        'must stand alone (zod and other contracts only) so the web app can import it without pulling in ' +
        'server code.',
      severity: 'error',
      from: { path: '^contracts/' },
      to: { path: '^(server|web|demo|bench|e2e|scripts)/' },
    },
    {
      name: 'web-not-to-server',
      comment:
        'The web console is built for the browser and talks to the server over HTTP only; server code in ' +
        'its bundle would leak secrets and node-only code. Shared types come from contracts/.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^(server|demo|bench|e2e|scripts)/' },
    },
    {
      name: 'runtime-not-to-test-helpers',
      comment:
        'Production code must not depend on tests or test helpers (*.test.ts, any testing/ folder, ' +
        'server/testing/): they are not meant to ship, may hold weak secrets or fake clocks, and would run ' +
        'their setup in production.',
      severity: 'error',
      from: { path: '^server/', pathNot: TEST },
      to: { path: TEST },
    },
    {
      name: 'domain-purity',
      comment:
        "A module's domain/ files are its pure rules: they may use only their own module's domain/, " +
        'contracts/, zod and a few pure platform helpers, so they can be tested without a database and ' +
        'reasoned about without I/O. No node built-ins (fs, net, http, ...), no db, no kysely. Globals such as ' +
        'fetch and process are not imports: biome.json forbids them in domain/ (noRestrictedGlobals).',
      severity: 'error',
      // Tests beside the domain files use the test runner, fixtures and fast-check: only the rules are pure.
      from: { path: '^server/modules/([^/]+)/domain/', pathNot: '\\.test\\.ts$' },
      to: {
        pathNot: [
          '^server/modules/$1/domain/',
          '^contracts/',
          '^node_modules/zod/',
          '^server/platform/errors\\.ts$',
          '^server/platform/calendar/dates\\.ts$',
          '^server/platform/access/policy\\.ts$',
          // zod's error messages in both languages: zod and errors.ts only.
          '^server/platform/http/zod-messages\\.ts$',
          // Pure computation libraries (no I/O): pinyin of item names for search keys.
          '^node_modules/pinyin-pro/',
        ],
      },
    },
    {
      name: 'no-circular',
      comment:
        'Import cycles (type-only ones included) make load order fragile and mean two files are one ' +
        'unit in disguise: move the shared piece into a third file.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing is a typo or a missing dependency.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|data|\\.tmp)/' },
    // Keep `import type` edges: a type-only import crosses a boundary just as surely.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
