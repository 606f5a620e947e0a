import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isApiRequest } from './access-control.ts';

/** Requests allowed per window; 0 turns a limit off. */
export interface RateLimits {
  /** Sign-in, second-factor, forgotten-password and set-password posts, per network address, a minute. */
  signInPerMinute: number;
  /** API calls per person (whether by token or session), a minute; the public per address. */
  apiPerMinute: number;
  /** File uploads (multipart posts) per person, an hour. */
  uploadsPerHour: number;
}

interface Window {
  startedAt: number;
  count: number;
}

/**
 * Fixed windows counted in this process's memory. Unlike the sign-in lockout (in the database,
 * shared by every process) these only bound the load one caller can put on one process, so with N
 * processes a caller gets up to N times the limit, which is fine for that purpose and costs no
 * query a request. A refused request is answered 429 with Retry-After.
 */
export function createRateCounter(now: () => Date) {
  const windows = new Map<string, Window>();
  let lastSweep = 0;
  return {
    /** Seconds to wait when over the limit, or 0 when the request may go ahead (and is counted). */
    take(key: string, limit: number, windowSeconds: number): number {
      const at = now().getTime();
      const windowMs = windowSeconds * 1000;
      // Forget finished windows now and then, so the map does not grow with every address seen.
      if (at - lastSweep > 60_000) {
        for (const [k, w] of windows) if (at - w.startedAt >= 3600_000) windows.delete(k);
        lastSweep = at;
      }
      const current = windows.get(key);
      if (!current || at - current.startedAt >= windowMs) {
        windows.set(key, { startedAt: at, count: 1 });
        return 0;
      }
      if (current.count >= limit) return Math.max(1, Math.ceil((current.startedAt + windowMs - at) / 1000));
      current.count += 1;
      return 0;
    },
  };
}

function refuse(request: FastifyRequest, reply: FastifyReply, seconds: number) {
  reply.header('retry-after', String(seconds));
  const detail = `Too many requests. Wait ${seconds} seconds and try again`;
  if (isApiRequest(request)) {
    return reply
      .code(429)
      .type('application/problem+json')
      .send({ type: 'about:blank', title: 'Too Many Requests', status: 429, detail });
  }
  return reply.render('pages/errors/too-many-requests.njk', { seconds }, 429);
}

/** Runs after access control (it needs the caller), before any body is read. */
export const rateLimits = fp(
  async (app: FastifyInstance, options: { limits: RateLimits; now: () => Date }) => {
    const counter = createRateCounter(options.now);
    const { limits } = options;
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
        const wait = counter.take(key, limit, windowSeconds);
        if (wait > 0) return refuse(request, reply, wait);
      }
    });
  },
  { name: 'rate-limits', dependencies: ['access-control'] },
);
