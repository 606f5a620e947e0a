import { z } from 'zod';
import type { RateLimits } from './http/rate-limits.ts';
import { DEFAULT_BACKGROUND_IMPORT_ROWS } from './jobs/job-rules.ts';

/**
 * Configuration is read once at start, validated, and frozen. A wrong value stops the app with
 * one line naming the setting, so an operator never has to read a stack trace to fix a typo.
 */
const configSchema = z.object({
  PORT: z.coerce
    .number({ message: 'must be a whole number from 0 to 65535' })
    .int('must be a whole number from 0 to 65535')
    .min(0, 'must be a whole number from 0 to 65535')
    .max(65535, 'must be a whole number from 0 to 65535')
    .default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  // A streaming replica of DATABASE_URL for dashboards and report drafts (docs/scaling.md).
  READ_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters (use a long random string)').optional(),
  // Seals each second factor's TOTP secret (AES-256-GCM); unset: a key derived from SESSION_SECRET.
  SECOND_FACTOR_KEY: z.string().min(32, 'must be at least 32 characters (use a long random string)').optional(),
  BASE_URL: z.url('must be an absolute URL such as http://localhost:3000').optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Unset: the demo council loads in development and test, never in production (its password is public).
  SEED_DEMO: z.enum(['true', 'false'], { message: 'must be true or false' }).optional(),
  // E-mail (reminders). Without SMTP_HOST nothing is sent: the reminder job logs what it would send.
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_FROM: z
    .string()
    .regex(
      /^(.+<)?[^@<>\s]+@[^@<>\s]+>?$/,
      'must be an e-mail address, like performance@council.gov.uk or "Performance team <performance@council.gov.uk>"',
    )
    .default('Golden Thread <golden-thread@localhost>'),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASS: z.string().min(1).optional(),
  REMINDERS: z.enum(['on', 'off'], { message: 'must be on or off' }).default('off'),
  // Sign-in and rate limits (README, "Limits"). A password shorter than NCSC's 8 is never allowed.
  PASSWORD_MIN_LENGTH: z.coerce
    .number({ message: 'must be a whole number from 8 to 64' })
    .int('must be a whole number from 8 to 64')
    .min(8, 'must be a whole number from 8 to 64')
    .max(64, 'must be a whole number from 8 to 64')
    .default(12),
  // Imports of more rows than this run as background jobs (docs/decisions/0016-background-jobs.md).
  JOB_IMPORT_ROWS: z.coerce
    .number({ message: 'must be a whole number of rows' })
    .int('must be a whole number of rows')
    .min(0, 'must be a whole number of rows')
    .default(DEFAULT_BACKGROUND_IMPORT_ROWS),
  RATE_LIMIT_SIGN_IN_PER_MINUTE: z.coerce.number().int().min(0, 'must be 0 (off) or more').default(30),
  RATE_LIMIT_API_PER_MINUTE: z.coerce.number().int().min(0, 'must be 0 (off) or more').default(1200),
  RATE_LIMIT_UPLOADS_PER_HOUR: z.coerce.number().int().min(0, 'must be 0 (off) or more').default(60),
  // Behind a load balancer or reverse proxy: how many proxies to trust for X-Forwarded-For, so the
  // sign-in throttle and rate limits see the person's address, not the proxy's. 0: none (direct).
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0, 'must be 0 (no proxy) or more').default(0),
  MIGRATE_ON_START: z.enum(['true', 'false'], { message: 'must be true or false' }).default('true'),
});

export interface SmtpConfig {
  readonly host: string;
  readonly port: number;
  readonly from: string;
  readonly user: string | undefined;
  readonly pass: string | undefined;
}

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string | undefined;
  /** READ_DATABASE_URL: a read replica for reporting reads (PostgreSQL only). */
  readonly readDatabaseUrl: string | undefined;
  readonly dataDir: string;
  readonly sessionSecret: string;
  /** What the key sealing second-factor secrets is derived from: SECOND_FACTOR_KEY, else SESSION_SECRET. */
  readonly secondFactorKey: string;
  readonly baseUrl: string;
  readonly production: boolean;
  readonly logLevel: string;
  /** Load the demo council into an empty database: SEED_DEMO, or when unset, everywhere but production. */
  readonly seedDemo: boolean;
  /** SMTP for reminders; undefined when SMTP_HOST is not set (nothing is sent). */
  readonly smtp: SmtpConfig | undefined;
  /** REMINDERS=on: the server runs the reminder job once a day. */
  readonly reminders: boolean;
  /** MIGRATE_ON_START=false: on PostgreSQL, migrations are left to `npm run migrate` (PGlite always migrates). */
  readonly migrateOnStart: boolean;
  /** The shortest password a person may choose (PASSWORD_MIN_LENGTH, 12 by default). */
  readonly passwordMinLength: number;
  /** Imports of more rows than this are queued as background jobs (JOB_IMPORT_ROWS, 5,000 by default). */
  readonly backgroundImportRows: number;
  /** Proxies in front of the app whose X-Forwarded-For is believed (TRUST_PROXY_HOPS). */
  readonly trustProxyHops: number;
  /** Requests allowed per caller (RATE_LIMIT_*; 0 turns one off). */
  readonly rateLimits: Readonly<RateLimits>;
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const relevant = Object.fromEntries(
    Object.keys(configSchema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const parsed = configSchema.safeParse(relevant);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const setting = String(issue?.path[0] ?? 'configuration');
    throw new ConfigError(`Invalid setting ${setting}: ${issue?.message ?? 'invalid value'}`);
  }
  const values = parsed.data;
  const production = values.NODE_ENV === 'production';
  if (production && !values.SESSION_SECRET) {
    throw new ConfigError('Invalid setting SESSION_SECRET: required in production');
  }
  if (values.READ_DATABASE_URL && !values.DATABASE_URL) {
    throw new ConfigError('Invalid setting READ_DATABASE_URL: a read replica needs DATABASE_URL (PostgreSQL) too');
  }
  if (values.SMTP_USER && !values.SMTP_PASS) {
    throw new ConfigError('Invalid setting SMTP_PASS: required when SMTP_USER is set');
  }
  return Object.freeze({
    port: values.PORT,
    host: values.HOST,
    databaseUrl: values.DATABASE_URL,
    readDatabaseUrl: values.READ_DATABASE_URL,
    dataDir: values.DATA_DIR,
    // Development gets a fixed secret so sessions survive a restart; production must set one.
    sessionSecret: values.SESSION_SECRET ?? 'development-only-secret-not-for-production-use',
    secondFactorKey:
      values.SECOND_FACTOR_KEY ?? values.SESSION_SECRET ?? 'development-only-secret-not-for-production-use',
    baseUrl: values.BASE_URL ?? `http://localhost:${values.PORT}`,
    production,
    logLevel: values.LOG_LEVEL,
    seedDemo: values.SEED_DEMO === undefined ? !production : values.SEED_DEMO === 'true',
    smtp: values.SMTP_HOST
      ? Object.freeze({
          host: values.SMTP_HOST,
          port: values.SMTP_PORT,
          from: values.SMTP_FROM,
          user: values.SMTP_USER,
          pass: values.SMTP_PASS,
        })
      : undefined,
    reminders: values.REMINDERS === 'on',
    migrateOnStart: values.MIGRATE_ON_START === 'true',
    passwordMinLength: values.PASSWORD_MIN_LENGTH,
    backgroundImportRows: values.JOB_IMPORT_ROWS,
    trustProxyHops: values.TRUST_PROXY_HOPS,
    rateLimits: Object.freeze({
      signInPerMinute: values.RATE_LIMIT_SIGN_IN_PER_MINUTE,
      apiPerMinute: values.RATE_LIMIT_API_PER_MINUTE,
      uploadsPerHour: values.RATE_LIMIT_UPLOADS_PER_HOUR,
    }),
  });
}
