import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildRouteApp, type RouteApp } from '../../../../test/helpers/route-app.ts';
import { ok } from '../../../kernel/result.ts';
import { forbidden, notFound } from '../../../platform/services/errors.ts';
import { type MeasureFilters, NO_FILTERS } from '../domain/index.ts';
import type { Dashboard } from '../performance-views.types.ts';
import type { PerformanceServices } from '../services.ts';
import { levelViewsApi } from './level-views.api.ts';

// The scoped dashboards' JSON over a fake service: the scope each path asks for, the quarter, the
// shape answered (checked by the response schema), refusals as problem JSON, and the OpenAPI.
const UNIT = '00000000-0000-4000-8000-0000000000a1';
const PORTFOLIO = '00000000-0000-4000-8000-0000000000b1';
const BODY = '00000000-0000-4000-8000-0000000000c1';
const counts = { green: 2, amber: 0, red: 1, noData: 0, overdue: 0, noTarget: 0, total: 3 };

function dashboardOf(view: MeasureFilters): Dashboard {
  const scope = view.unitId
    ? { kind: 'unit' as const, id: view.unitId }
    : view.portfolioId
      ? { kind: 'portfolio' as const, id: view.portfolioId }
      : view.bodyId
        ? { kind: 'body' as const, id: view.bodyId }
        : { kind: 'mine' as const };
  return {
    asOf: '2025-11-20',
    scope,
    scopeName: scope.kind === 'mine' ? null : 'Housing',
    holderName: null,
    period: view.period,
    periodChoices: [{ key: '2025-26-Q2', label: '2025/26 Q2' }],
    filters: view,
    periods: [{ frequency: 'quarterly', periodKey: '2025-26-Q2', periodLabel: '2025/26 Q2', measures: 3 }],
    overall: { counts, countsText: '2 green, 0 amber, 1 red' },
    byUnit: [{ unitId: UNIT, unitName: 'Housing', counts, countsText: '2 green, 0 amber, 1 red' }],
    keyMeasures: [],
    worstPerformers: [],
    corporatePlan: null,
    notComputed: 0,
  };
}

const dashboard = vi.fn();
const fakes = { performanceViews: { dashboard } } as unknown as PerformanceServices;

describe('the scoped dashboards in the JSON API', () => {
  let t: RouteApp;
  beforeAll(async () => {
    t = await buildRouteApp([
      {
        api: async (api) => {
          await api.register(levelViewsApi, { services: fakes });
        },
      },
    ]);
  });
  afterAll(async () => t?.close());
  beforeEach(() => {
    dashboard.mockReset();
    dashboard.mockImplementation(async (_caller, _settings, view: MeasureFilters) => ok(dashboardOf(view)));
  });

  it('asks the one dashboard function for each scope and answers whose dashboard it is', async () => {
    const viewer = t.as('viewer');
    for (const [url, expected, kind] of [
      [`/api/v1/performance/units/${UNIT}/dashboard`, { unitId: UNIT }, 'unit'],
      [
        `/api/v1/performance/portfolios/${PORTFOLIO}/dashboard?period=2025-26-Q1`,
        { portfolioId: PORTFOLIO, period: '2025-26-Q1' },
        'portfolio',
      ],
      [`/api/v1/performance/bodies/${BODY}/dashboard`, { bodyId: BODY }, 'body'],
      ['/api/v1/performance/mine/dashboard', { mine: true }, 'mine'],
    ] as const) {
      dashboard.mockClear();
      const response = await viewer.api('GET', url);
      expect(response.statusCode, url).toBe(200);
      expect(dashboard.mock.calls[0]![2]).toEqual({ ...NO_FILTERS, ...expected });
      const body = response.json();
      expect(body.scope.kind).toBe(kind);
      expect(body.overall.counts.red).toBe(1);
      // The page's own filters are not part of the answer.
      expect(body).not.toHaveProperty('filters');
    }
  });

  it('refuses a malformed id or quarter by name, before asking the service', async () => {
    const badId = await t.as('viewer').api('GET', '/api/v1/performance/units/nonsense/dashboard');
    expect(badId.statusCode).toBe(400);
    expect(badId.body).toContain('must be a UUID');
    const badPeriod = await t.as('viewer').api('GET', `/api/v1/performance/units/${UNIT}/dashboard?period=Q9`);
    expect(badPeriod.statusCode).toBe(400);
    expect(badPeriod.body).toContain('must be a quarter such as 2025-26-Q2');
    expect(dashboard).not.toHaveBeenCalled();
  });

  it("has the pages' access: signed in with view:plans, and the service's refusals as problems", async () => {
    const url = `/api/v1/performance/units/${UNIT}/dashboard`;
    expect((await t.public.api('GET', url)).statusCode).toBe(401);
    expect((await t.as(null).api('GET', url)).statusCode).toBe(403);
    dashboard.mockResolvedValueOnce(notFound('Unit'));
    const missing = await t.as('viewer').api('GET', url);
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    dashboard.mockResolvedValueOnce(forbidden('You cannot see the performance of Housing'));
    expect((await t.as('viewer').api('GET', url)).statusCode).toBe(403);
  });

  it('describes every scoped dashboard in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of [
      '/api/v1/performance/units/{id}/dashboard',
      '/api/v1/performance/portfolios/{id}/dashboard',
      '/api/v1/performance/bodies/{id}/dashboard',
      '/api/v1/performance/mine/dashboard',
    ]) {
      expect(doc.paths[path]?.get?.responses?.['200'], path).toBeDefined();
    }
  });
});
