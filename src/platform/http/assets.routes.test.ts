import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetRoutes } from './assets.routes.ts';

describe('the static assets', () => {
  const app = Fastify();
  beforeAll(async () => {
    await app.register(assetRoutes);
    await app.ready();
  });
  afterAll(() => app.close());

  // Fresh for an hour: a page that is opened again, or the next page, takes them from the browser's
  // cache without asking again (with max-age=0 every page view asked for each of them anew).
  it.each([
    '/assets/govuk-frontend.min.css',
    '/assets/govuk-frontend.min.js',
    '/assets/moj-frontend.min.js',
    '/assets/app.css',
    '/assets/app.js',
    '/assets/fonts/bold-b542beb274-v2.woff2',
  ])('lets a browser keep %s for an hour', async (url) => {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=3600');
  });

  it('serves nothing outside the listed folders', async () => {
    expect((await app.inject({ method: 'GET', url: '/assets/package.json' })).statusCode).toBe(404);
  });
});
