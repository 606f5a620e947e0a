/**
 * The house's boundaries, checked in `npm test` (scripts/test-all.sh → `npm run boundaries`).
 * docs/architecture.md draws them; docs/decisions/0012-feature-modules.md says why. No exceptions.
 */

// Modules in dependency order: a module may use those before it, never those after it. A module
// that needs to feed a later one does it through a port the earlier one owns (see the docs).
const MODULE_ORDER = [
  'organisation',
  'single-sign-on',
  'jobs',
  'framework',
  'plans',
  'measures',
  'collection',
  'imports',
  'performance',
  'actions',
  'projects',
  'money',
  'recommendations',
  'improvement-plans',
  'risks',
  'reports',
  'committees',
  'audit',
  'home',
];

const directionRules = MODULE_ORDER.map((name, index) => ({
  name: `module-order-${name}`,
  comment: `${name} may use only the modules before it: ${MODULE_ORDER.slice(0, index).join(', ') || 'none'}`,
  severity: 'error',
  from: { path: `^src/modules/${name}/` },
  to: {
    path: `^src/modules/(${MODULE_ORDER.slice(index + 1).join('|') || 'NONE'})/`,
  },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles, at run time or in types.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'module-public-face',
      comment:
        'Another module is reached only through its public faces: index.ts, and domain/index.ts for its pure rules.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: {
        path: '^src/modules/',
        pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$', '^src/modules/[^/]+/domain/index\\.ts$'],
      },
    },
    ...directionRules,
    {
      name: 'platform-knows-no-module',
      comment: 'The platform serves every module and knows none of them, nor the app that composes them.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/(modules|demo|cli)/|^src/[^/]+\\.ts$' },
    },
    {
      name: 'kernel-is-pure',
      comment: 'The kernel is shared pure rules: it imports only itself and zod.',
      severity: 'error',
      from: { path: '^src/kernel/' },
      to: { pathNot: ['^src/kernel/', '^node_modules/(zod|vitest|fast-check)/'] },
    },
    {
      name: 'domain-is-pure',
      comment:
        'A module’s domain imports only its own domain, earlier modules’ pure rules (domain/index.ts), the kernel and zod: no I/O, no framework.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/domain/' },
      to: {
        pathNot: [
          '^src/modules/$1/domain/',
          '^src/modules/[^/]+/domain/index\\.ts$',
          '^src/kernel/',
          '^node_modules/(zod|vitest|fast-check)/',
        ],
      },
    },
    {
      name: 'routes-are-thin',
      comment: 'Pages and API call services; they never reach a repository or the database.',
      severity: 'error',
      from: { path: '^src/modules/[^/]+/(web|api)/' },
      to: { path: '^src/modules/[^/]+/data/|^src/platform/db/|^node_modules/drizzle-orm/' },
    },
    {
      name: 'modules-do-not-reach-up',
      comment:
        'Modules never import the composition root, the app, the demo or the CLI (their int, browser and routes tests build the app, and so may the shared setup in a module’s test/ folder).',
      severity: 'error',
      from: {
        path: '^src/(modules|kernel)/',
        pathNot: ['\\.(int|browser|routes)\\.test\\.ts$', '^src/modules/[^/]+/test/'],
      },
      to: { path: '^src/(demo|cli)/|^src/[^/]+\\.ts$|^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    exclude: { path: '^src/platform/db/migrations/' },
  },
};
