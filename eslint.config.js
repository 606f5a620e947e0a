import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['node_modules/**', '.tmp/**', 'src/platform/db/migrations/**', 'bench/results/**', 'data/**', 'tmp-*.ts'],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
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
  // Module boundaries, the pure domain and thin routes are checked by dependency-cruiser
  // (.dependency-cruiser.cjs), which sees the whole graph rather than one file's imports.
);
