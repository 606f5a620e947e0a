import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moneyFromPence } from '../../../kernel/money.ts';
import { ok } from '../../../kernel/result.ts';
import { buildRouteApp, type RouteApp } from '../../../../test/helpers/route-app.ts';
import { summarise } from '../domain/revenue-summary.ts';
import { DEFAULT_BANDS } from '../domain/variance.ts';
import type { MoneyServices } from '../services.ts';
import { moneyApi } from '../api/money.api.ts';
import { moneyRoutes } from './money.routes.ts';

const m = moneyFromPence;
const units = [
  { id: '00000000-0000-4000-8000-00000000000a', parentId: null, kind: 'council', name: 'Council' },
  {
    id: '00000000-0000-4000-8000-00000000000b',
    parentId: '00000000-0000-4000-8000-00000000000a',
    kind: 'directorate',
    name: 'Place',
  },
];
const line = {
  costCentreId: '00000000-0000-4000-8000-0000000000c1',
  costCentreCode: 'PL201',
  costCentreName: 'Waste <collection>',
  unitId: units[1]!.id,
  explanation: '=HYPERLINK("x")',
  originalBudget: m(2_500_000_00),
  virements: m(-12_345_67),
  budgetToDate: m(1_200_000_00),
  actualToDate: m(1_190_000_00),
  previousForecast: m(2_450_000_00),
  forecastBeforeAction: m(2_700_000_00),
  latestForecast: m(2_600_000_00),
  grossExpenditureForecast: null,
  incomeForecast: null,
};

/** Fakes: a fixed summary, and calls recorded so a test can see what reached the service. */
function fakeServices(calls: unknown[]): MoneyServices {
  const view = {
    period: { startYear: 2025, month: 6 },
    bands: DEFAULT_BANDS,
    years: [2025],
    months: [6],
    summary: summarise(DEFAULT_BANDS, units, [line]),
  };
  return {
    costCentres: { list: async () => ok([]), unitChoices: async () => [], create: async () => ok({ id: 'x' }) },
    revenue: {
      currentPeriod: () => ({ startYear: 2025, month: 6 }),
      bands: async () => DEFAULT_BANDS,
      saveBands: async (_caller: unknown, bands: unknown) => {
        calls.push(bands);
        return ok(DEFAULT_BANDS);
      },
      summary: async (_caller: unknown, wanted: unknown) => {
        calls.push(wanted);
        return ok(view);
      },
      line: async () => ({ ok: false, error: { code: 'not_found', message: 'The cost centre was not found' } }),
      saveLine: async () => ({ ok: false, error: { code: 'not_found', message: 'x', errors: [] } }),
    },
    revenueImport: { importExtract: async () => ok({ written: false, rows: 0, created: 0, updated: 0, errors: [] }) },
  } as unknown as MoneyServices;
}

describe('money routes', () => {
  let app: RouteApp;
  const calls: unknown[] = [];

  beforeAll(async () => {
    const services = fakeServices(calls);
    app = await buildRouteApp([
      {
        views: fileURLToPath(new URL('./views', import.meta.url)),
        pages: async (instance) => {
          await instance.register(moneyRoutes, { services });
        },
        api: async (instance) => {
          await instance.register(moneyApi, { services });
        },
      },
    ]);
  });
  afterAll(async () => app?.close());

  it('lets councillors read the summary but not change the bands or import', async () => {
    const councillor = app.as('scrutiny-member');
    const page = await councillor.get('/money?year=2025&period=6');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Waste &lt;collection&gt;');
    expect(page.body).toContain('£2,487,654.33'); // revised: original + virements
    expect(calls.at(-1)).toEqual({ startYear: 2025, month: 6 });
    expect(
      (await councillor.post('/money/variance-bands', { amberOverPercent: '1', redOverPercent: '2' })).statusCode,
    ).toBe(403);
    expect((await councillor.get('/money/import')).statusCode).toBe(403);
    expect((await app.as('viewer').get('/money')).statusCode).toBe(403);
  });

  it('explains a bad period instead of guessing one', async () => {
    const page = await app.as('finance-officer').get('/money?year=2025&period=13');
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('Choose a period from 1 to 12');
  });

  it('exports the summary as CSV with exact amounts and typed text guarded against formulas', async () => {
    const csv = await app.as('cabinet-member').get('/money/revenue.csv?year=2025&period=6');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toContain('revenue-2025-p06.csv');
    expect(csv.body).toContain('cost-centre,PL201 Waste <collection>,2487654.33');
    expect(csv.body).toContain(`'=HYPERLINK`);
  });

  it('answers the API with decimal strings, never floating point', async () => {
    const response = await app.as('audit-member').api('GET', '/api/v1/money/revenue-summary?year=2025&period=6');
    expect(response.statusCode).toBe(200);
    expect(response.json().totals).toMatchObject({ revisedBudget: '2487654.33', variance: '112345.67', band: 'amber' });
  });

  it('refuses bands that are not percentages before they reach the service', async () => {
    const before = calls.length;
    const response = await app
      .as('finance-officer')
      .post('/money/variance-bands', { amberOverPercent: 'two', redOverPercent: '5' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Enter the amber threshold as a percentage');
    expect(calls.length).toBe(before);
  });

  it('treats a cost centre id that is not a uuid as not found', async () => {
    expect((await app.as('finance-officer').get('/money/cost-centres/nope/budget')).statusCode).toBe(404);
    expect(
      (await app.as('finance-officer').post('/money/cost-centres/nope/budget?year=2025&period=6', {})).statusCode,
    ).toBe(404);
  });
});
