import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', '.tmp/**', 'src/platform/db/migrations/**', 'bench/results/**', 'data/**', 'tmp-*.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // Module boundaries, the pure domain and thin routes are checked by dependency-cruiser
  // (.dependency-cruiser.cjs), which sees the whole graph rather than one file's imports.
);
