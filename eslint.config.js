import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.tmp/**',
      // The build's output (npm start writes it), not sources.
      'dist/**',
      'coverage/**',
      'src/platform/db/migrations/**',
      'bench/results/**',
      'data/**',
      'tmp-*.ts',
      'src/platform/http/assets/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // TypeScript files are linted with type information (the project's tsconfig.json, found by the
  // project service), so the rules below can see which calls return promises and which unions a
  // switch covers.
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        // A `default` may stand for the members a switch does not list; a switch over an open
        // string needs no default.
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      // Unused imports, variables and parameters are the type check's (tsconfig's noUnusedLocals and
      // noUnusedParameters): it finds them while checking anyway, where this rule walked every scope
      // again (11% of the lint's time). JavaScript files, which tsc does not check, keep the rule.
      '@typescript-eslint/no-unused-vars': 'off',
      // Fastify plugins and handlers, and the ports between modules, are async by contract: an
      // async function with nothing to await keeps the one signature callers rely on.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Form bodies arrive as `unknown` (a string, or an array of strings for a repeated field), and
    // the pages turn them into text with String() on purpose: an array becomes "a,b" and fails
    // validation like any other bad input. Elsewhere an object turned into "[object Object]" is a bug.
    files: ['src/**/web/**/*.ts'],
    rules: { '@typescript-eslint/no-base-to-string': 'off' },
  },
  {
    // Tests read responses with `response.json()`, which is typed `any`, and assert on their shape
    // with expect(); marking every read as unsafe would only add casts. Assertions also pass methods
    // to expect() unbound on purpose.
    files: ['**/*.test.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  // One clock: the current time comes from the Clock the composition root hands out
  // (src/platform/clock.ts), so "today" is always the London date and tests can fix it.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/platform/**', 'src/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Take the current time from the injected Clock (clock() / clock.today()), not new Date().',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Take the current time from the injected Clock (clock()), not Date.now().',
        },
      ],
    },
  },
  // One access policy (src/platform/access/policy.ts): a service asks `can(caller, permission,
  // resource)` and the policy loads each unit's ancestry once; nobody walks the unit tree and asks
  // the kernel's allowsAt by hand. Only the policy itself and the kernel use allowsAt.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/kernel/**', 'src/platform/access/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/kernel/access', '**/kernel/access/*'],
              importNames: ['allowsAt'],
              message:
                'Ask the access policy instead: createAccessPolicy(unitAncestryIn(tx)).can(caller, permission, { unitId }) in a service, request.policy.can(...) in a route.',
            },
          ],
        },
      ],
    },
  },
  {
    // Pure rules that are given a unit's ancestry as a fact (no I/O, so they cannot ask the
    // policy) and combine the permission with other facts: who heads the unit, a body's members.
    files: ['src/modules/collection/domain/sign-off-who.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  // Module boundaries, the pure domain and thin routes are checked by dependency-cruiser
  // (.dependency-cruiser.cjs), which sees the whole graph rather than one file's imports.
);
