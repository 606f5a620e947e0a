import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { measureBody } from '../../../../test/helpers/measure-fixtures.ts';
import { buildRouteApp, type RouteApp } from '../../../../test/helpers/route-app.ts';
import type { MeasuresPageServices } from '../services.ts';
import { measuresRoutes } from './measures.routes.ts';

// The measure pages' behaviour over fake services (the pattern for route tests: see
// test/helpers/route-app.ts): who may reach a form, what a bad form shows, where a good one goes.
// What the services do with the database is tested in ../test/measures.int.test.ts.
const MEASURE_ID = '00000000-0000-4000-8000-0000000000aa';

const create = vi.fn();
const detail = vi.fn();
const fakes = {
  structure: { list: async () => [] },
  people: { list: async () => [] },
  measures: { create, detail },
} as unknown as MeasuresPageServices;

describe('measure pages over fake services', () => {
  let t: RouteApp;
  beforeAll(async () => {
    t = await buildRouteApp([
      {
        views: fileURLToPath(new URL('./views', import.meta.url)),
        pages: async (app) => {
          await app.register(measuresRoutes, { services: fakes });
        },
      },
    ]);
  });
  afterAll(async () => t?.close());
  beforeEach(() => {
    create.mockReset();
    detail.mockReset();
  });

  it('sends someone not signed in to sign in, and refuses the form to a viewer', async () => {
    const signedOut = await t.public.get('/measures/new');
    expect(signedOut.statusCode).toBe(302);
    expect(signedOut.headers.location).toMatch(/^\/sign-in/);
    const viewer = await t.as('viewer').get('/measures/new');
    expect(viewer.statusCode).toBe(403);
  });

  it('shows the empty form to a manager', async () => {
    const page = await t.as('manager').get('/measures/new');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Add a measure');
  });

  it('re-shows a form with errors in a summary, and does not call the service', async () => {
    const page = await t.as('manager').post('/measures/new', { code: '', title: '' });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('govuk-error-summary');
    expect(page.body).toContain('href="#title"');
    expect(create).not.toHaveBeenCalled();
  });

  it('refuses a post without the CSRF token', async () => {
    const manager = t.as('manager');
    const page = await t.app.inject({
      method: 'POST',
      url: '/measures/new',
      headers: { cookie: manager.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'code=X',
    });
    expect(page.statusCode).toBe(403);
    expect(create).not.toHaveBeenCalled();
  });

  it('goes to the new measure when the service adds it', async () => {
    create.mockResolvedValue({ ok: true, value: { id: MEASURE_ID, code: 'ASC-01' } });
    const form = Object.fromEntries(Object.entries(measureBody()).map(([key, value]) => [key, String(value)]));
    const page = await t.as('manager').post('/measures/new', form);
    expect(page.statusCode).toBe(302);
    expect(page.headers.location).toBe(`/measures/${MEASURE_ID}`);
    expect(create).toHaveBeenCalledOnce();
  });

  it('shows the service’s refusal on the form with a 403', async () => {
    create.mockResolvedValue({ ok: false, error: { code: 'forbidden', message: 'You cannot add measures here' } });
    const form = Object.fromEntries(Object.entries(measureBody()).map(([key, value]) => [key, String(value)]));
    const page = await t.as('manager').post('/measures/new', form);
    expect(page.statusCode).toBe(403);
    expect(page.body).toContain('You cannot add measures here');
  });

  it('answers 404 for a measure the service does not find', async () => {
    detail.mockResolvedValue({ ok: false, error: { code: 'not_found', message: 'Not found' } });
    const page = await t.as('manager').get(`/measures/${MEASURE_ID}`);
    expect(page.statusCode).toBe(404);
  });
});
