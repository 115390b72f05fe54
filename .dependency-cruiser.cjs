/**
 * The layer rule of the README, checked on every `npm test` (npm run lint:deps):
 *
 *   renderer → shared ← electron/node ← electron/{server,cli,main}
 *
 * - shared/ imports nothing outside shared/ (npm packages aside) and no Node module;
 * - renderer/src imports shared/ only (and npm packages);
 * - electron/node imports shared/ and Node, never the edges above it or the renderer;
 * - the edges (server, cli, main, preload) import electron/node and shared/, not each other;
 * - only electron/main (and the preload, which must) imports the 'electron' module;
 * - seeds/ (the templates and seed reports) reach the Node layer through electron/node/templates.ts only;
 * - tests follow their layer's rule, may import the testkits of their own layer and read seeds/
 *   (their data); product code imports no test, testkit or test helper.
 *
 * Exceptions are named here, one by one, with why.
 */

const TEST = '\\.(test|e2e\\.test|bench)\\.tsx?$|/__tests__/';
const TESTKIT = '\\.testkit\\.ts$|/testing/|^renderer/e2e/';
const NPM = '(^|/)node_modules/';

module.exports = {
  forbidden: [
    {
      name: 'shared-is-pure',
      comment: 'shared/ is pure TypeScript for both sides: it imports only shared/ and npm packages.',
      severity: 'error',
      from: { path: '^shared/', pathNot: TEST },
      to: { pathNot: [`^shared/`, NPM] },
    },
    {
      name: 'shared-tests-stay-in-shared',
      comment: 'Tests of shared/ import shared/, npm packages and the seed templates (their data).',
      severity: 'error',
      from: { path: '^shared/.*(' + TEST + ')' },
      to: { pathNot: ['^shared/', NPM, '^seeds/templates'] },
    },
    {
      name: 'shared-uses-no-node',
      comment: 'shared/ runs in the renderer too: no Node module (node:fs, path, …), tests included.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-talks-through-shared',
      comment: 'The renderer reaches the rest only through the contract in shared/.',
      severity: 'error',
      from: { path: '^renderer/src/', pathNot: TEST },
      to: { path: '^(electron|seeds|build)/|^renderer/e2e/' },
    },
    {
      name: 'renderer-uses-no-node',
      comment: 'The renderer runs in a browser: no Node module.',
      severity: 'error',
      from: { path: '^renderer/src/', pathNot: TEST },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-tests-stay-in-renderer',
      comment: 'Renderer tests import the renderer, shared/ and the seed templates, not the Node side.',
      severity: 'error',
      from: { path: '^renderer/src/.*(' + TEST + ')' },
      to: { path: '^(electron|build)/' },
    },
    {
      name: 'node-layer-below-the-edges',
      comment: 'electron/node is used by the edges (server, cli, main, preload) and never uses them, nor the renderer.',
      severity: 'error',
      from: { path: '^electron/node/' },
      to: { path: '^electron/(server|cli|main|preload)/|^renderer/' },
    },
    {
      name: 'edges-are-siblings',
      comment: 'server, cli, main and preload do not import one another.',
      severity: 'error',
      from: { path: '^electron/(server|cli|main|preload)/', pathNot: '^electron/cli/serve-command\\.ts$' },
      to: { path: '^electron/(server|cli|main|preload)/', pathNot: '^electron/$1/' },
    },
    {
      name: 'serve-starts-the-server-only',
      comment:
        '`rapporteur serve` is the one place the command line starts browser mode: it may load the server, nothing else of a sibling.',
      severity: 'error',
      from: { path: '^electron/cli/serve-command\\.ts$' },
      to: { path: '^electron/(server|main|preload)/', pathNot: '^electron/server/http-server\\.ts$' },
    },
    {
      name: 'electron-not-the-renderer',
      comment: 'The Node side never imports the renderer’s code (it serves its build).',
      severity: 'error',
      from: { path: '^electron/', pathNot: [TEST, TESTKIT] },
      to: { path: '^renderer/' },
    },
    {
      name: 'electron-tests-not-the-renderer',
      comment:
        'Tests and testkits on the Node side may drive Chromium through the end-to-end harness, not import renderer code.',
      severity: 'error',
      from: { path: '^electron/.*(' + TEST + '|' + TESTKIT + ')' },
      to: { path: '^renderer/src/' },
    },
    {
      name: 'only-main-imports-electron',
      comment:
        'Only electron/main (and the preload, which must) imports the electron module; everything else runs in plain Node.',
      severity: 'error',
      from: { pathNot: '^electron/(main|preload)/' },
      to: {
        path: '(^|/)node_modules/electron/',
        dependencyTypes: ['npm', 'npm-dev', 'npm-no-pkg', 'npm-unknown', 'unknown', 'undetermined'],
      },
    },
    {
      name: 'seeds-through-templates',
      comment:
        'Templates and seeds reach the Node layer through electron/node/templates.ts only (tests may read them as data).',
      severity: 'error',
      from: { path: '^(shared|renderer/src|electron)/', pathNot: ['^electron/node/templates\\.ts$', TEST, TESTKIT] },
      to: { path: '^seeds/' },
    },
    {
      name: 'no-tests-in-product',
      comment: 'Product code imports no test, testkit or end-to-end helper.',
      severity: 'error',
      from: { path: '^(shared|renderer/src|electron)/', pathNot: [TEST, TESTKIT, '/fixtures\\.ts$'] },
      to: { path: [TEST, TESTKIT] },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing is a typo or a missing file.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|release|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    moduleSystems: ['es6', 'cjs'],
  },
};
