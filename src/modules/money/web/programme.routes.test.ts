import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moneyFromPence } from '../../../kernel/money.ts';
import { ok } from '../../../kernel/result.ts';
import { buildRouteApp, type RouteApp } from '../../../../test/helpers/route-app.ts';
import { assessCapital, capitalTotals } from '../domain/capital.ts';
import { borrowingPosition, reservePosition, reserveTotals } from '../domain/reserves.ts';
import { DEFAULT_BANDS } from '../domain/variance.ts';
import type { MoneyServices } from '../services.ts';
import { capitalRoutes } from './capital.routes.ts';
import { costCentreRoutes } from './cost-centre.routes.ts';
import { planningRoutes } from './planning.routes.ts';
import { reservesRoutes } from './reserves.routes.ts';

const m = moneyFromPence;
const ITEM = '00000000-0000-4000-8000-0000000000f1';
const ACTION_CHOICE = { id: '00000000-0000-4000-8000-0000000000a1', code: 'ACT-1', title: 'Buy sweepers' };
const SCHEME = '00000000-0000-4000-8000-0000000000d1';
const CENTRE = '00000000-0000-4000-8000-0000000000c1';
const VERSION = '00000000-0000-4000-8000-0000000000b1';
const figures = {
  budget: m(1_000_000_00),
  spendToDate: m(400_000_00),
  forecast: m(900_000_00),
  slippage: m(150_000_00),
  borrowing: m(1_000_000_00),
  grants: m(0),
  receipts: m(0),
  revenueContributions: m(0),
  slippageReason: 'Ground conditions',
  explanation: 'Piling <costs>',
};
const reserve = {
  openingBalance: m(3_000_000_00),
  contributions: m(0),
  plannedUse: m(500_000_00),
  forecastUse: m(650_000_00),
};

function fakeServices(calls: unknown[]): MoneyServices {
  const scheme = { id: SCHEME, code: 'CAP01', name: 'Depot <rebuild>', unitId: 'u', unitName: 'Place' };
  return {
    costCentres: {
      unitChoices: async () => [{ id: 'u', name: 'Place' }],
      detail: async () =>
        ok({
          centre: { id: CENTRE, code: 'PL9', name: 'Depot', unitId: 'u', unitName: 'Place', retiredAt: null },
          links: [],
          mayEdit: true,
        }),
      planItemChoices: async (_caller: unknown, _id: unknown, words: string, chosen: string) => {
        calls.push({ centreWords: words, chosen });
        const items = [
          { id: ITEM, code: 'O1', title: 'Clean <streets>' },
          { id: '00000000-0000-4000-8000-0000000000f2', code: 'O2', title: 'Safer roads' },
        ];
        return items.filter((item) => item.title.includes(words));
      },
      linkPlanItem: async (_caller: unknown, id: unknown, planItemId: unknown) => {
        calls.push({ linked: [id, planItemId] });
        return ok({ id: CENTRE });
      },
    },
    capital: {
      programme: async (_caller: unknown, year: unknown) => {
        calls.push(year);
        return ok({
          startYear: 2025,
          years: [2025],
          bands: DEFAULT_BANDS,
          schemes: [{ scheme, year: { ...figures, ...assessCapital(DEFAULT_BANDS, figures) } }],
          totals: capitalTotals(DEFAULT_BANDS, [figures]),
        });
      },
      saveYear: async (_caller: unknown, _id: unknown, _year: unknown, cells: unknown) => {
        calls.push(cells);
        return {
          ok: false,
          error: {
            code: 'invalid',
            message: 'x',
            errors: [{ field: 'slippageReason', message: 'Give the reason for the slippage into later years' }],
          },
        };
      },
      scheme: async () => ok({ scheme, startYear: 2025, bands: DEFAULT_BANDS, year: null, mayEdit: true }),
    },
    reprofiles: { history: async () => ok({ reprofiles: [], mayRequest: false, mayDecide: false }) },
    reserves: {
      defaultYear: () => 2025,
      view: async () =>
        ok({
          startYear: 2025,
          years: [2025],
          reserves: [
            { id: 'r', name: 'General fund', kind: 'general', purpose: '', position: reservePosition(reserve) },
          ],
          general: reserveTotals([reserve]),
          earmarked: reserveTotals([]),
          total: reserveTotals([reserve]),
          borrowing: borrowingPosition({
            capitalFinancingRequirement: m(90),
            externalBorrowing: m(88),
            operationalBoundary: m(85),
            authorisedLimit: m(95),
          }),
          mayEdit: false,
        }),
    },
    savings: {
      defaultYear: () => 2025,
      unitChoices: async () => [{ id: 'u', name: 'Place' }],
      linkChoices: async (_caller: unknown, words: string, chosen: unknown) => {
        calls.push({ words, chosen });
        const items = [
          { id: ITEM, code: 'O1', title: 'Clean <streets>' },
          { id: '00000000-0000-4000-8000-0000000000f2', code: 'O2', title: 'Safer roads' },
        ];
        return { items: items.filter((item) => item.title.includes(words)), actions: [ACTION_CHOICE] };
      },
      save: async (_caller: unknown, _id: unknown, _year: unknown, values: unknown) => {
        calls.push({ saved: values });
        return ok({ id: 's' });
      },
    },
    mtfs: {
      versions: async () => ({ ok: false, error: { code: 'forbidden', message: 'no' } }),
      version: async () =>
        ok({
          version: { id: VERSION, name: 'Budget 2025/26', firstYear: 2025 },
          years: [2025, 2026, 2027].map((startYear) => ({ startYear, year: null })),
          mayEdit: true,
        }),
      saveYear: async (_caller: unknown, _id: unknown, year: unknown, values: unknown) => {
        calls.push({ mtfs: [year, values] });
        return {
          ok: false,
          error: {
            code: 'invalid',
            message: 'x',
            errors: [{ field: 'funding', message: 'The funding “12.345” has more than two decimal places' }],
          },
        };
      },
    },
  } as unknown as MoneyServices;
}

describe('capital, reserves and planning routes', () => {
  let app: RouteApp;
  const calls: unknown[] = [];

  beforeAll(async () => {
    const services = fakeServices(calls);
    app = await buildRouteApp([
      {
        views: fileURLToPath(new URL('./views', import.meta.url)),
        pages: async (instance) => {
          await instance.register(capitalRoutes, { services });
          await instance.register(reservesRoutes, { services });
          await instance.register(planningRoutes, { services });
          await instance.register(costCentreRoutes, { services });
        },
      },
    ]);
  });
  afterAll(async () => app?.close());

  it('shows the programme with its totals and bands, escaping names', async () => {
    const page = await app.as('scrutiny-member').get('/money/capital?year=2025');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Depot &lt;rebuild&gt;');
    expect(page.body).toContain('£50,000.00'); // forecast + slippage − budget
    expect(page.body).toContain('Amber');
    expect(calls.at(-1)).toBe(2025);
  });

  it('treats an unreadable year or id as not found, before the service', async () => {
    const before = calls.length;
    expect((await app.as('finance-officer').get('/money/capital?year=twenty')).statusCode).toBe(404);
    expect((await app.as('finance-officer').get('/money/capital/schemes/nope')).statusCode).toBe(404);
    expect((await app.as('finance-officer').get(`/money/capital/schemes/${SCHEME}?year=twenty`)).statusCode).toBe(404);
    expect(calls.length).toBe(before);
  });

  it('marks each refused field on the scheme form', async () => {
    const response = await app
      .as('finance-officer')
      .post(`/money/capital/schemes/${SCHEME}?year=2025`, { budget: '1', slippage: '1' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('href="#slippageReason"');
    expect(response.body).toContain('Give the reason for the slippage into later years');
  });

  it('shows borrowing over the boundary in words, and offers no changes to a reader', async () => {
    const page = await app.as('scrutiny-member').get('/money/reserves?year=2025');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Over the operational boundary (within the authorised limit)');
    expect(page.body).toContain('£2,350,000.00');
    expect(page.body).not.toContain('Add a reserve');
    expect((await app.as('scrutiny-member').post('/money/borrowing?year=2025', {})).statusCode).toBe(403);
  });

  it('refuses the MTFS to someone the service refuses', async () => {
    expect((await app.as('finance-officer').get('/money/mtfs')).statusCode).toBe(403);
  });

  it('picks the saving’s plan item and action from lists, narrowed by a search that saves nothing', async () => {
    const form = await app.as('finance-officer').get('/money/savings/new?year=2025');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`<option value="${ITEM}">O1 Clean &lt;streets&gt;</option>`);
    expect(form.body).toContain(`<option value="${ACTION_CHOICE.id}">ACT-1 Buy sweepers</option>`);
    expect(form.body).toContain('name="find"');

    const found = await app.as('finance-officer').post('/money/savings/new?year=2025', {
      title: 'Depot',
      linkWords: 'Safer',
      find: '1',
      actionId: ACTION_CHOICE.id,
    });
    expect(found.statusCode).toBe(200);
    expect(found.body).not.toContain('Clean &lt;streets&gt;');
    expect(found.body).toContain('O2 Safer roads');
    // What was typed and chosen is kept; nothing was saved.
    expect(found.body).toContain('value="Depot"');
    expect(found.body).toContain(`<option value="${ACTION_CHOICE.id}" selected>`);
    expect(calls.at(-1)).toEqual({ words: 'Safer', chosen: { planItemId: '', actionId: ACTION_CHOICE.id } });
    expect(calls.some((call) => typeof call === 'object' && call !== null && 'saved' in call)).toBe(false);

    const saved = await app
      .as('finance-officer')
      .post('/money/savings/new?year=2025', { reference: 'S1', title: 'Depot', planItemId: ITEM });
    expect(saved.statusCode).toBe(302);
    expect(calls.at(-1)).toMatchObject({ saved: { reference: 'S1', title: 'Depot', planItemId: ITEM } });
  });
  it('shows an MTFS year’s form for the year asked, and marks the field a save refuses, keeping what was typed', async () => {
    const finance = app.as('finance-officer');
    const page = await finance.get(`/money/mtfs/${VERSION}?year=2026`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Figures for 2026/27');
    // No year named: the first without figures; a year outside the version's three, or unreadable: not found.
    expect((await finance.get(`/money/mtfs/${VERSION}`)).body).toContain('Figures for 2025/26');
    expect((await finance.get(`/money/mtfs/${VERSION}?year=2031`)).statusCode).toBe(404);
    expect((await finance.get(`/money/mtfs/${VERSION}?year=soon`)).statusCode).toBe(404);
    const before = calls.length;
    expect((await finance.post(`/money/mtfs/${VERSION}`, { funding: '1' })).statusCode).toBe(404);
    expect(calls.length).toBe(before);
    const refused = await finance.post(`/money/mtfs/${VERSION}?year=2026`, { funding: '12.345', assumptions: 'CT' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#funding"');
    expect(refused.body).toContain('has more than two decimal places');
    expect(refused.body).toContain('value="12.345"');
    expect(calls.at(-1)).toMatchObject({ mtfs: [2026, { funding: '12.345', assumptions: 'CT' }] });
  });

  it('links a cost centre to a plan item chosen from a list narrowed by a search, not a pasted id', async () => {
    const finance = app.as('finance-officer');
    const page = await finance.get(`/money/cost-centres/${CENTRE}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<option value="${ITEM}">O1 Clean &lt;streets&gt;</option>`);
    expect(page.body).not.toContain('Plan item id');

    const found = await finance.post(`/money/cost-centres/${CENTRE}/plan-items`, { linkWords: 'Safer', find: '1' });
    expect(found.statusCode).toBe(200);
    expect(found.body).toContain('O2 Safer roads');
    expect(found.body).not.toContain('Clean &lt;streets&gt;');
    expect(found.body).toContain('value="Safer"');
    const none = await finance.post(`/money/cost-centres/${CENTRE}/plan-items`, { linkWords: 'Parks', find: '1' });
    expect(none.body).toContain('No plan item of your council matches “Parks”');
    expect(calls.some((call) => typeof call === 'object' && call !== null && 'linked' in call)).toBe(false);

    const unchosen = await finance.post(`/money/cost-centres/${CENTRE}/plan-items`, { planItemId: '' });
    expect(unchosen.statusCode).toBe(400);
    expect(unchosen.body).toContain('href="#planItemId"');
    expect(unchosen.body).toContain('Select the plan item the cost centre funds');
    const linked = await finance.post(`/money/cost-centres/${CENTRE}/plan-items`, { planItemId: ITEM });
    expect(linked.statusCode).toBe(302);
    expect(calls.at(-1)).toEqual({ linked: [CENTRE, ITEM] });
  });
});
