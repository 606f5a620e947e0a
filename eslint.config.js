import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', '.tmp/**', 'src/data/migrations/**', 'bench/results/**', 'data/**', 'tmp-*.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // The domain is pure: no database, HTTP, file system or framework, so it can be tested alone.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../../data/*', '../../services/*', '../../web/*', '../../api/*', '../../*.ts'], message: 'src/domain imports nothing outside itself' },
            { group: ['node:*', 'fs', 'path', 'http', 'fastify*', 'drizzle-orm*', 'pg', '@electric-sql/*', 'nunjucks'], message: 'src/domain has no I/O or framework imports' },
          ],
        },
      ],
    },
  },
  {
    // Routes are thin: data access goes through services.
    files: ['src/web/**/*.ts', 'src/api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['drizzle-orm*', '**/data/repositories/*', '**/data/db.ts'], message: 'web/ and api/ call services, not the database' }] },
      ],
    },
  },
);
