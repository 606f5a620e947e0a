import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { assembleDeps } from '../../src/container.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { createTestApp, DATABASES, type TestApp } from '../helpers/test-app.ts';

/**
 * Two app processes on one database share one count: a caller gets the limit once, not once per
 * process. Both databases: the upsert's row lock is what keeps concurrent counts from being lost.
 */
describe.each(DATABASES)('rate limits shared between app processes on %s', (kind) => {
  let t: TestApp;
  const apps: FastifyInstance[] = [];
  beforeAll(async () => {
    t = await createTestApp(kind);
    const config = loadConfig({
      NODE_ENV: 'test',
      SEED_DEMO: 'false',
      SESSION_SECRET: 'x'.repeat(40),
      RATE_LIMIT_SIGN_IN_PER_MINUTE: '6',
    });
    // Two apps, each with its own services and counters in memory, on the one database.
    for (let i = 0; i < 2; i += 1) apps.push(await buildApp(assembleDeps(config, t.deps.database, t.deps.clock)));
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await t?.close();
  });

  it('counts sign-in posts from one address across both processes, concurrently, and refuses the seventh', async () => {
    const post = (app: FastifyInstance, remoteAddress: string) =>
      app.inject({ method: 'POST', url: '/sign-in', remoteAddress, payload: {} });
    // Six at once, three through each process: none is lost or refused.
    const first = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => post(apps[i % 2]!, '192.0.2.7')));
    expect(first.map((response) => response.statusCode)).not.toContain(429);
    for (const app of apps) {
      const refused = await post(app, '192.0.2.7');
      expect(refused.statusCode).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    }
    // Another address has its own window.
    expect((await post(apps[1]!, '192.0.2.8')).statusCode).not.toBe(429);
  });
});
