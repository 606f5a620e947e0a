import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRouteApp, type RouteApp } from '../../../test/helpers/route-app.ts';

/** What the pg driver throws while PostgreSQL restarts, as drizzle wraps it (with the query's SQL). */
const restarting = () =>
  new Error('Failed query: select "secret" from "people" where "id" = $1', {
    cause: Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
  });
const queryFault = () =>
  new Error('Failed query: insert into "measures" values ($1)', {
    cause: Object.assign(new Error('relation "measures" does not exist'), { code: '42P01' }),
  });

describe('while the database cannot be reached', () => {
  let app: RouteApp;
  beforeAll(async () => {
    app = await buildRouteApp([
      {
        pages: async (instance: FastifyInstance) => {
          instance.get('/flaky', { config: { access: 'signed-in' } }, async () => {
            throw restarting();
          });
          instance.get('/broken', { config: { access: 'signed-in' } }, async () => {
            throw queryFault();
          });
        },
        api: async (instance: FastifyInstance) => {
          instance.get('/flaky', { config: { access: 'signed-in' } }, async () => {
            throw restarting();
          });
          instance.get('/broken', { config: { access: 'signed-in' } }, async () => {
            throw queryFault();
          });
        },
      },
    ]);
  });
  afterAll(async () => app?.close());

  it('answers a page with 503, Retry-After and a plain error page: no stack, no SQL', async () => {
    const page = await app.as('viewer').get('/flaky');
    expect(page.statusCode).toBe(503);
    expect(page.headers['retry-after']).toBe('5');
    expect(page.body).toContain('cannot reach its database');
    expect(page.body).not.toMatch(/Failed query|select|57P01|at .*\.ts/);
  });

  it('answers the API with 503 problem JSON', async () => {
    const answer = await app.as('viewer').api('GET', '/api/v1/flaky');
    expect(answer.statusCode).toBe(503);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect(answer.json()).toEqual({
      type: 'about:blank',
      title: 'Service Unavailable',
      status: 503,
      detail: 'The service cannot reach its database just now. Try again in a minute.',
    });
  });

  it('still answers a fault in a query 500, with neither the SQL nor the database message', async () => {
    for (const url of ['/broken', '/api/v1/broken']) {
      const answer = await app.as('viewer').get(url);
      expect(answer.statusCode).toBe(500);
      expect(answer.body).not.toMatch(/Failed query|insert into|does not exist|42P01|\.ts:\d+/);
    }
  });
});
