import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildRouteApp, type RouteApp } from '../../../../test/helpers/route-app.ts';
import { ok } from '../../../kernel/result.ts';
import { notFound } from '../../../platform/services/errors.ts';
import { NO_FILTERS, type RagStatus } from '../domain/index.ts';
import type { MeasureListView, OverdueReturnsView } from '../measure-views.service.ts';
import type { Dashboard, MeasureListEntry } from '../performance-views.types.ts';
import type { PerformanceServices } from '../services.ts';
import { levelViewsRoutes } from './level-views.routes.ts';

// The views for every level over fake services: what each route asks the service for (the scope
// from the path, the filters and period from the query string), what the pages show and link to,
// and refusals. What the services do with SQL is in ../test/level-views.int.test.ts.
const UNIT = '00000000-0000-4000-8000-0000000000a1';
const PORTFOLIO = '00000000-0000-4000-8000-0000000000b1';
const BODY = '00000000-0000-4000-8000-0000000000c1';
const counts = (green: number, red: number) => ({
  green,
  amber: 0,
  red,
  noData: 0,
  overdue: 0,
  noTarget: 0,
  total: green + red,
});

function dashboardOf(view: typeof NO_FILTERS, scopeName: string | null): Dashboard {
  const scope = view.unitId
    ? { kind: 'unit' as const, id: view.unitId }
    : view.portfolioId
      ? { kind: 'portfolio' as const, id: view.portfolioId }
      : view.bodyId
        ? { kind: 'body' as const, id: view.bodyId }
        : view.mine
          ? { kind: 'mine' as const }
          : { kind: 'council' as const };
  return {
    asOf: '2025-11-20',
    scope,
    scopeName,
    holderName: null,
    period: view.period,
    periodChoices: [
      { key: '2025-26-Q2', label: '2025/26 Q2' },
      { key: '2025-26-Q1', label: '2025/26 Q1' },
    ],
    filters: { ...NO_FILTERS, ...view },
    periods: [{ frequency: 'quarterly', periodKey: '2025-26-Q2', periodLabel: '2025/26 Q2', measures: 3 }],
    overall: { counts: counts(2, 1), countsText: '2 green, 0 amber, 1 red' },
    byUnit: [{ unitId: UNIT, unitName: 'Housing', counts: counts(2, 1), countsText: '' }],
    keyMeasures: [],
    worstPerformers: [],
    corporatePlan: null,
    notComputed: 0,
  };
}

const entry = (code: string, status: RagStatus): MeasureListEntry => ({
  id: `00000000-0000-4000-8000-0000000000${code === 'M1' ? 'd1' : 'd2'}`,
  code,
  title: `Measure ${code}`,
  isKey: false,
  unitName: 'Housing',
  periodKey: '2025-26-Q2',
  periodLabel: '2025/26 Q2',
  status,
  statusText: status,
  reason: 'Because',
  value: '60%',
  target: '70%',
  direction: 'improving',
  directionText: 'Improving',
  variationIcon: null,
  variationText: '',
  assurance: null,
  assuranceText: '',
  forecastProbability: null,
  commentary: null,
});

const dashboard = vi.fn();
const measureList = vi.fn();
const overdueReturns = vi.fn();
const fakes = { performanceViews: { dashboard, measureList, overdueReturns } } as unknown as PerformanceServices;

describe('views for every level over fake services', () => {
  let t: RouteApp;
  beforeAll(async () => {
    t = await buildRouteApp([
      {
        views: fileURLToPath(new URL('./views', import.meta.url)),
        pages: async (app) => {
          await app.register(levelViewsRoutes, { services: fakes });
        },
      },
    ]);
  });
  afterAll(async () => t?.close());
  beforeEach(() => {
    dashboard.mockReset();
    measureList.mockReset();
    overdueReturns.mockReset();
    dashboard.mockImplementation(async (_caller, _settings, view: typeof NO_FILTERS) =>
      ok(dashboardOf(view, 'Housing')),
    );
  });

  it('asks the one dashboard function for each scope, with the chosen quarter', async () => {
    const viewer = t.as('viewer');
    for (const [url, expected] of [
      ['/performance', {}],
      [`/performance/units/${UNIT}`, { unitId: UNIT }],
      [`/performance/portfolios/${PORTFOLIO}?period=2025-26-Q1`, { portfolioId: PORTFOLIO, period: '2025-26-Q1' }],
      [`/performance/bodies/${BODY}`, { bodyId: BODY }],
      ['/performance/mine', { mine: true }],
    ] as const) {
      dashboard.mockClear();
      expect((await viewer.get(url)).statusCode).toBe(200);
      expect(dashboard.mock.calls[0]![2]).toEqual({ ...NO_FILTERS, ...expected });
    }
  });

  it("shows a unit's dashboard with its title, period picker and a link behind every count", async () => {
    const page = await t.as('viewer').get(`/performance/units/${UNIT}?period=2025-26-Q1`);
    expect(page.body).toContain('Performance of Housing');
    expect(page.body).toContain('<form method="get" action="/performance/units/');
    expect(page.body).toContain('<option value="2025-26-Q1" selected>As reported at the end of 2025/26 Q1</option>');
    expect(page.body).toContain(`href="/performance/measures?status=red&amp;unitId=${UNIT}&amp;ownUnit=true`);
    expect(page.body).toContain(`href="/performance/measures?unitId=${UNIT}&amp;period=2025-26-Q1">3 measures</a>`);
  });

  it('refuses a scope the service does not find as not found', async () => {
    dashboard.mockResolvedValue(notFound('Unit'));
    expect((await t.as('viewer').get(`/performance/units/${UNIT}`)).statusCode).toBe(404);
    // A malformed id is a page that does not exist, not the council's dashboard.
    dashboard.mockImplementation(async (_c, _s, view: typeof NO_FILTERS) =>
      view.unitId === '00000000-0000-0000-0000-000000000000' ? notFound('Unit') : ok(dashboardOf(view, null)),
    );
    expect((await t.as('viewer').get('/performance/units/nonsense')).statusCode).toBe(404);
  });

  it('passes the query string filters to the measure list and shows the status, counts and removable filters', async () => {
    const view: MeasureListView = {
      asOf: '2025-11-20',
      filters: { ...NO_FILTERS, statuses: ['red'], keyOnly: true },
      period: null,
      periodChoices: [],
      statusCounts: { red: 1, amber: 0, green: 4, overdue: 2, 'no-data': 0, 'no-target': 0 },
      inScope: 7,
      measures: [entry('M1', 'red')],
      units: [{ id: UNIT, name: 'Housing' }],
      portfolios: [{ id: PORTFOLIO, name: 'Communities' }],
      bodies: [],
    };
    measureList.mockResolvedValue(ok(view));
    const page = await t.as('viewer').get('/performance/measures?status=red&key=true&overdue=no');
    expect(page.statusCode).toBe(200);
    expect(measureList.mock.calls[0]![1]).toEqual({ ...NO_FILTERS, statuses: ['red'], keyOnly: true });
    expect(page.body).toContain('1 of 7 measures in this view');
    expect(page.body).toMatch(/value="red" checked/);
    expect(page.body).toContain('Green (4)');
    expect(page.body).toContain('Measure M1');
    expect(page.body).toContain('Improving');
    // Each selected filter links to the same list without it.
    expect(page.body).toContain('href="/performance/measures?key=true"');
    expect(page.body).toContain(`href="/performance/portfolios/${PORTFOLIO}"`);
  });

  it('shows overdue returns sorted as asked, to those who approve figures only', async () => {
    const view: OverdueReturnsView = {
      asOf: '2025-11-20',
      sort: 'owner',
      returns: [
        {
          measureId: '00000000-0000-4000-8000-0000000000d1',
          code: 'M4',
          title: 'Measure M4',
          unitName: null,
          ownerName: 'Ann',
          periodKey: '2025-26-Q2',
          periodLabel: '2025/26 Q2',
          dueDate: '2025-10-21',
          daysLate: 30,
        },
      ],
    };
    overdueReturns.mockResolvedValue(ok(view));
    expect((await t.as('viewer').get('/performance/overdue-returns')).statusCode).toBe(403);
    expect((await t.as('data-entry').get('/performance/overdue-returns.csv')).statusCode).toBe(403);
    const page = await t.as('performance-officer').get('/performance/overdue-returns?sort=owner');
    expect(page.statusCode).toBe(200);
    expect(overdueReturns.mock.calls[0]![1]).toBe('owner');
    expect(page.body).toContain('Council-wide');
    expect(page.body).toContain('href="/performance/overdue-returns.csv?sort=owner"');
    await t.as('performance-officer').get('/performance/overdue-returns?sort=drop-table');
    expect(overdueReturns.mock.calls[1]![1]).toBe('days');
    const csv = await t.as('performance-officer').get('/performance/overdue-returns.csv');
    expect(csv.headers['content-disposition']).toContain('overdue-returns-2025-11-20.csv');
    expect(csv.body).toContain('M4,Measure M4,2025/26 Q2,Council-wide,Ann,2025-10-21,30');
  });
});
