import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { lt, sql } from 'drizzle-orm';
import type { Db } from '../db/db.ts';
import { isApiRequest } from './access-control.ts';
import { fill, words } from '../words/index.ts';
import { rateLimitWindows } from './rate-limits.schema.ts';

/** Requests allowed per window; 0 turns a limit off. */
export interface RateLimits {
  /** Sign-in, second-factor, forgotten-password and set-password posts, per network address, a minute. */
  signInPerMinute: number;
  /** API calls per person (whether by token or session), a minute; the public per address. */
  apiPerMinute: number;
  /** File uploads (multipart posts) per person, an hour. */
  uploadsPerHour: number;
}

/** Counts requests in fixed windows; `take` answers the seconds to wait, or 0 to go ahead. */
export interface RateCounter {
  take(key: string, limit: number, windowSeconds: number): Promise<number>;
}

const waitFor = (startedAt: number, windowMs: number, at: number) =>
  Math.max(1, Math.ceil((startedAt + windowMs - at) / 1000));

/**
 * Fixed windows in the database, shared by every app process: one upsert a limited request, which
 * starts a new window when the old one has ended and otherwise adds one. The row lock the upsert
 * takes serialises two processes counting the same key, so neither loses the other's count.
 */
export function createDatabaseRateCounter(db: Db, now: () => Date): RateCounter {
  let lastSweep = 0;
  return {
    async take(key, limit, windowSeconds) {
      const at = now().getTime();
      const windowMs = windowSeconds * 1000;
      // Forget windows finished an hour ago now and then, so the table does not grow with every address.
      if (at - lastSweep > 60_000) {
        lastSweep = at;
        await db.delete(rateLimitWindows).where(lt(rateLimitWindows.windowStartedMs, at - 2 * 3600_000));
      }
      const ended = sql`${rateLimitWindows.windowStartedMs} <= ${at - windowMs}`;
      const [row] = await db
        .insert(rateLimitWindows)
        .values({ key, windowStartedMs: at, count: 1 })
        .onConflictDoUpdate({
          target: rateLimitWindows.key,
          set: {
            windowStartedMs: sql`CASE WHEN ${ended} THEN ${at} ELSE ${rateLimitWindows.windowStartedMs} END`,
            count: sql`CASE WHEN ${ended} THEN 1 ELSE ${rateLimitWindows.count} + 1 END`,
          },
        })
        .returning({ windowStartedMs: rateLimitWindows.windowStartedMs, count: rateLimitWindows.count });
      return row && row.count > limit ? waitFor(row.windowStartedMs, windowMs, at) : 0;
    },
  };
}

/** The same windows in this process's memory: for tests and tools without a database. */
export function createMemoryRateCounter(now: () => Date): RateCounter {
  const windows = new Map<string, { startedAt: number; count: number }>();
  return {
    async take(key, limit, windowSeconds) {
      const at = now().getTime();
      const windowMs = windowSeconds * 1000;
      const current = windows.get(key);
      if (!current || at - current.startedAt >= windowMs) {
        windows.set(key, { startedAt: at, count: 1 });
        return 0;
      }
      current.count += 1;
      return current.count > limit ? waitFor(current.startedAt, windowMs, at) : 0;
    },
  };
}

function refuse(request: FastifyRequest, reply: FastifyReply, seconds: number) {
  reply.header('retry-after', String(seconds));
  const detail = fill(words.httpRefusals.tooManyRequests, { seconds });
  if (isApiRequest(request)) {
    return reply
      .code(429)
      .type('application/problem+json')
      .send({ type: 'about:blank', title: 'Too Many Requests', status: 429, detail });
  }
  return reply.render('pages/errors/too-many-requests.njk', { seconds }, 429);
}

/**
 * Runs after access control (it needs the caller), before any body is read. A refused request is
 * answered 429 with Retry-After.
 */
export const rateLimits = fp(
  async (app: FastifyInstance, options: { limits: RateLimits; counter: RateCounter }) => {
    const { limits, counter } = options;
    app.addHook('onRequest', async (request, reply) => {
      const config = request.routeOptions.config;
      if (config?.static) return;
      const person = request.principal.kind === 'person' ? request.principal.personId : null;
      const checks: [string, number, number][] = [];
      if (config?.rateLimit === 'sign-in' && request.method === 'POST') {
        checks.push([`sign-in:${request.ip}`, limits.signInPerMinute, 60]);
      }
      if (isApiRequest(request)) checks.push([`api:${person ?? request.ip}`, limits.apiPerMinute, 60]);
      if (request.method === 'POST' && request.headers['content-type']?.startsWith('multipart/')) {
        checks.push([`upload:${person ?? request.ip}`, limits.uploadsPerHour, 3600]);
      }
      for (const [key, limit, windowSeconds] of checks) {
        if (limit <= 0) continue;
        const wait = await counter.take(key, limit, windowSeconds);
        if (wait > 0) return refuse(request, reply, wait);
      }
    });
  },
  { name: 'rate-limits', dependencies: ['access-control'] },
);
