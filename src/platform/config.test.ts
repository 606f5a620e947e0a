import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const SECRET = 's'.repeat(32);

/** The message a bad setting stops the app with: one line, naming the setting. */
function failureOf(env: Record<string, string | undefined>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(env)} to be refused`);
}

describe('loadConfig', () => {
  it('falls back to working defaults for local use', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: './data',
      baseUrl: 'http://localhost:3000',
      production: false,
      logLevel: 'info',
      seedDemo: true,
      migrateOnStart: true,
    });
    expect(config.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads every setting it is given', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgresql://gt@db.internal:5432/golden_thread',
      DATA_DIR: '/var/lib/golden-thread',
      SESSION_SECRET: SECRET,
      BASE_URL: 'https://performance.example.gov.uk',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      MIGRATE_ON_START: 'false',
      PASSWORD_MIN_LENGTH: '14',
      RATE_LIMIT_SIGN_IN_PER_MINUTE: '10',
      RATE_LIMIT_API_PER_MINUTE: '0',
      RATE_LIMIT_UPLOADS_PER_HOUR: '5',
    });
    expect(config).toEqual({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgresql://gt@db.internal:5432/golden_thread',
      dataDir: '/var/lib/golden-thread',
      sessionSecret: SECRET,
      secondFactorKey: SECRET,
      baseUrl: 'https://performance.example.gov.uk',
      production: true,
      logLevel: 'warn',
      seedDemo: false,
      reminders: false,
      migrateOnStart: false,
      passwordMinLength: 14,
      trustProxyHops: 0,
      rateLimits: { signInPerMinute: 10, apiPerMinute: 0, uploadsPerHour: 5 },
      smtp: undefined,
      readDatabaseUrl: undefined,
      backgroundImportRows: 5000,
    });
  });

  it('seals second-factor secrets with SECOND_FACTOR_KEY when set, and refuses a short one', () => {
    const key = 'k'.repeat(32);
    expect(loadConfig({ SESSION_SECRET: SECRET, SECOND_FACTOR_KEY: key }).secondFactorKey).toBe(key);
    expect(failureOf({ SECOND_FACTOR_KEY: 'short' })).toBe(
      'Invalid setting SECOND_FACTOR_KEY: must be at least 32 characters (use a long random string)',
    );
  });

  it('refuses a minimum password length below the NCSC minimum of eight characters, naming the setting', () => {
    expect(failureOf({ PASSWORD_MIN_LENGTH: '6' })).toBe(
      'Invalid setting PASSWORD_MIN_LENGTH: must be a whole number from 8 to 64',
    );
    expect(loadConfig({}).passwordMinLength).toBe(12);
  });

  it('loads the demo council only outside production, unless SEED_DEMO says otherwise', () => {
    const production = { NODE_ENV: 'production', SESSION_SECRET: SECRET };
    expect(loadConfig({ NODE_ENV: 'development' }).seedDemo).toBe(true);
    expect(loadConfig(production).seedDemo).toBe(false);
    expect(loadConfig({ ...production, SEED_DEMO: '' }).seedDemo).toBe(false);
    expect(loadConfig({ ...production, SEED_DEMO: 'true' }).seedDemo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', SEED_DEMO: 'false' }).seedDemo).toBe(false);
  });

  it('derives the base URL from the port when none is given', () => {
    expect(loadConfig({ PORT: '4100' }).baseUrl).toBe('http://localhost:4100');
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' })).toMatchObject({ port: 3000, databaseUrl: undefined });
  });

  it.each([
    ['PORT', { PORT: 'abc' }],
    ['PORT', { PORT: '70000' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://root@localhost/gt' }],
    ['SESSION_SECRET', { SESSION_SECRET: 'too-short' }],
    ['BASE_URL', { BASE_URL: 'performance.example.gov.uk' }],
    ['NODE_ENV', { NODE_ENV: 'staging' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
    ['SEED_DEMO', { SEED_DEMO: 'yes' }],
    ['MIGRATE_ON_START', { MIGRATE_ON_START: 'no' }],
    ['SESSION_SECRET', { NODE_ENV: 'production' }],
  ])('stops on a bad %s with one line naming it (%j)', (setting, env) => {
    const message = failureOf(env);
    expect(message.startsWith(`Invalid setting ${setting}: `)).toBe(true);
    expect(message).not.toContain('\n');
  });

  it('explains what is wrong, not just that something is', () => {
    expect(failureOf({ DATABASE_URL: 'mysql://root@localhost/gt' })).toBe(
      'Invalid setting DATABASE_URL: must start with postgres:// or postgresql://',
    );
    expect(failureOf({ SESSION_SECRET: 'too-short' })).toContain('at least 32 characters');
    expect(failureOf({ BASE_URL: 'nope' })).toContain('absolute URL');
    expect(failureOf({ NODE_ENV: 'production' })).toBe('Invalid setting SESSION_SECRET: required in production');
  });

  it('takes a read replica for reporting reads only beside a PostgreSQL primary', () => {
    const primary = 'postgres://gt@primary/gt';
    const replica = 'postgres://gt@replica/gt';
    expect(loadConfig({ DATABASE_URL: primary, READ_DATABASE_URL: replica }).readDatabaseUrl).toBe(replica);
    expect(loadConfig({ DATABASE_URL: primary }).readDatabaseUrl).toBeUndefined();
    expect(failureOf({ READ_DATABASE_URL: replica })).toBe(
      'Invalid setting READ_DATABASE_URL: a read replica needs DATABASE_URL (PostgreSQL) too',
    );
    expect(failureOf({ DATABASE_URL: primary, READ_DATABASE_URL: 'replica' })).toContain('must start with postgres://');
  });
});

// The server's own start-up with a bad setting (one line, status 1) is tested on the built bundle in
// scripts/build.test.ts; this checks the loader that `npm run dev`, the CLI and the
// benchmarks run the TypeScript sources through, on this module alone.
describe('the development loader', () => {
  it('runs the TypeScript sources', () => {
    const loader = fileURLToPath(new URL('../../scripts/ts-loader/register.mjs', import.meta.url));
    const config = new URL('./config.ts', import.meta.url).href;
    const script = `const { loadConfig } = await import(${JSON.stringify(config)});
      try { loadConfig({ PORT: 'abc' }); } catch (error) { console.log(error.constructor.name, error.message); }`;
    const run = spawnSync(process.execPath, ['--import', loader, '--input-type=module', '-e', script], {
      env: { PATH: process.env.PATH },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^ConfigError Invalid setting PORT: /);
  }, 30_000);
});
