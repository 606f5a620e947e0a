import { bigint, integer, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * Rate-limit windows, shared by every app process on the database so that two processes behind a
 * load balancer allow a caller the limit once, not once each. No organisation: a window is per
 * network address or person, counted before (or without) any council being known, like the
 * sign-in throttle.
 */
export const rateLimitWindows = pgTable('rate_limit_windows', {
  /** 'sign-in:<address>', 'api:<person id or address>' or 'upload:<person id or address>'. */
  key: text('key').primaryKey(),
  /** When the current fixed window began, in milliseconds since 1970 (the app's clock). */
  windowStartedMs: bigint('window_started_ms', { mode: 'number' }).notNull(),
  /** Requests counted in the window, refused ones too. */
  count: integer('count').notNull(),
});
