/** The capital, reserves, borrowing, savings and MTFS API over fake services: shapes, access and refusals. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moneyFromPence } from '../../../kernel/money.ts';
import { ok } from '../../../kernel/result.ts';
import { buildRouteApp, type RouteApp } from '../../../../test/helpers/route-app.ts';
import { assessCapital, capitalTotals } from '../domain/capital.ts';
import { mtfsYear } from '../domain/mtfs.ts';
import { borrowingPosition, reservePosition, reserveTotals } from '../domain/reserves.ts';
import { savingsTotals, shortfallOf } from '../domain/savings.ts';
import { DEFAULT_BANDS } from '../domain/variance.ts';
import type { MoneyServices } from '../services.ts';
import { programmeApi } from './programme.api.ts';

const m = moneyFromPence;
const SCHEME = '00000000-0000-4000-8000-0000000000d1';
const RESERVE = '00000000-0000-4000-8000-0000000000e1';
const UNIT = '00000000-0000-4000-8000-0000000000c1';
const VERSION = '00000000-0000-4000-8000-0000000000b1';
const capital = {
  budget: m(1_000_000_00),
  spendToDate: m(400_000_00),
  forecast: m(900_000_00),
  slippage: m(150_000_05),
  borrowing: m(1_000_000_00),
  grants: m(0),
  receipts: m(0),
  revenueContributions: m(0),
  slippageReason: 'Ground conditions',
  explanation: 'Piling',
};
const reserve = {
  openingBalance: m(3_000_000_00),
  contributions: m(0),
  plannedUse: m(500_000_00),
  forecastUse: m(650_000_01),
};
const saving = { target: m(100_000_00), delivered: m(20_000_00), forecast: m(60_000_00) };
const mtfs = {
  funding: m(24_000_000_00),
  baseSpending: m(24_500_000_00),
  pressures: m(300_000_00),
  plannedReserveUse: m(500_000_00),
};

function fakeServices(calls: unknown[]): MoneyServices {
  const refusal = {
    ok: false,
    error: {
      code: 'invalid',
      message: 'The funding must add up to the budget',
      errors: [
        { field: 'grants', message: 'The funding must add up to the budget' },
        { field: 'slippageReason', message: 'Give the reason for the slippage into later years' },
      ],
    },
  };
  return {
    capital: {
      programme: async () =>
        ok({
          startYear: 2025,
          years: [2025],
          bands: DEFAULT_BANDS,
          schemes: [
            {
              scheme: { id: SCHEME, code: 'CAP01', name: 'Depot', unitId: UNIT, unitName: 'Place' },
              year: { ...capital, ...assessCapital(DEFAULT_BANDS, capital) },
            },
          ],
          totals: capitalTotals(DEFAULT_BANDS, [capital]),
        }),
      saveYear: async (...args: unknown[]) => {
        calls.push(args.slice(1));
        return refusal;
      },
    },
    reserves: {
      view: async () =>
        ok({
          startYear: 2025,
          years: [2025],
          reserves: [
            { id: RESERVE, name: 'General fund', kind: 'general', purpose: '', position: reservePosition(reserve) },
          ],
          general: reserveTotals([reserve]),
          earmarked: reserveTotals([]),
          total: reserveTotals([reserve]),
          borrowing: borrowingPosition({
            capitalFinancingRequirement: m(90_00),
            externalBorrowing: m(88_00),
            operationalBoundary: m(85_00),
            authorisedLimit: m(95_00),
          }),
          mayEdit: true,
        }),
      saveBorrowing: async (...args: unknown[]) => {
        calls.push(args.slice(1));
        return ok({ id: RESERVE });
      },
    },
    savings: {
      list: async () =>
        ok({
          startYear: 2025,
          years: [2025],
          savings: [
            {
              id: SCHEME,
              reference: 'SAV-1',
              title: 'Shared depot',
              owner: 'Head of Waste',
              unitId: UNIT,
              unitName: 'Place',
              rag: 'red',
              planItemId: null,
              planItemTitle: null,
              actionId: null,
              figures: saving,
              shortfall: shortfallOf(saving),
            },
          ],
          totals: savingsTotals([{ ...saving, rag: 'red' }]),
          mayEdit: true,
        }),
      save: async (...args: unknown[]) => {
        calls.push(args.slice(1));
        return ok({ id: SCHEME });
      },
    },
    mtfs: {
      version: async () =>
        ok({
          version: { id: VERSION, name: 'Budget 2025/26', firstYear: 2025 },
          years: [
            {
              startYear: 2025,
              year: { ...mtfsYear(2025, mtfs, m(100_000_00), m(60_000_00)), assumptions: '2.99% council tax' },
            },
          ],
          mayEdit: true,
        }),
    },
  } as unknown as MoneyServices;
}

describe('the capital, reserves, savings and MTFS API', () => {
  let app: RouteApp;
  const calls: unknown[] = [];

  beforeAll(async () => {
    const services = fakeServices(calls);
    app = await buildRouteApp([{ api: async (instance) => instance.register(programmeApi, { services }) }]);
  });
  afterAll(async () => app?.close());

  it('gives councillors the capital programme in exact decimal strings, and no one without the right', async () => {
    const response = await app.as('scrutiny-member').api('GET', '/api/v1/money/capital?year=2025');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.schemes[0]).toMatchObject({ code: 'CAP01', year: { slippage: '150000.05', variance: '50000.05' } });
    // £50,000.05 over £1m is just over 5%: red.
    expect(body.totals).toMatchObject({ budget: '1000000.00', band: 'red' });
    expect((await app.as('viewer').api('GET', '/api/v1/money/capital')).statusCode).toBe(403);
  });

  it('names every field a capital write got wrong, and refuses a councillor before the service', async () => {
    const before = calls.length;
    expect(
      (await app.as('scrutiny-member').api('PUT', `/api/v1/money/capital/schemes/${SCHEME}/years/2025`, {})).statusCode,
    ).toBe(403);
    expect(calls.length).toBe(before);
    const body = {
      budget: '1',
      spendToDate: '0',
      forecast: '1',
      slippage: '1',
      borrowing: '0',
      grants: '0',
      receipts: '0',
      revenueContributions: '0',
    };
    const response = await app
      .as('finance-officer')
      .api('PUT', `/api/v1/money/capital/schemes/${SCHEME}/years/2025`, body);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((error: { field: string }) => error.field)).toEqual(['grants', 'slippageReason']);
    expect(calls.at(-1)).toEqual([SCHEME, 2025, body]);
  });

  it('refuses a write whose amounts are missing before the service', async () => {
    const before = calls.length;
    const response = await app
      .as('finance-officer')
      .api('PUT', '/api/v1/money/borrowing/2025', { externalBorrowing: '1' });
    expect(response.statusCode).toBe(400);
    expect(calls.length).toBe(before);
  });

  it('gives reserves with the borrowing position, and sets borrowing for a year', async () => {
    const response = await app.as('cabinet-member').api('GET', '/api/v1/money/reserves?year=2025');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().reserves[0].position).toMatchObject({ forecastClosing: '2349999.99' });
    expect(response.json().borrowing).toMatchObject({ status: 'over_boundary', headroomToLimit: '7.00' });
    const figures = {
      capitalFinancingRequirement: '90',
      externalBorrowing: '70',
      operationalBoundary: '85',
      authorisedLimit: '95',
    };
    const saved = await app.as('finance-officer').api('PUT', '/api/v1/money/borrowing/2025', figures);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(calls.at(-1)).toEqual([2025, figures]);
  });

  it('gives the savings tracker with shortfall and at-risk totals, and adds a proposal for a year', async () => {
    const response = await app.as('scrutiny-member').api('GET', '/api/v1/money/savings?year=2025');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().savings[0]).toMatchObject({ reference: 'SAV-1', shortfall: '40000.00' });
    expect(response.json().totals).toMatchObject({ atRisk: '60000.00' });
    const body = {
      reference: 'S2',
      title: 'Depot',
      owner: 'Me',
      unitId: UNIT,
      rag: 'green',
      target: '1',
      delivered: '0',
      forecast: '1',
    };
    const added = await app.as('finance-officer').api('POST', '/api/v1/money/savings?year=2026', body);
    expect(added.statusCode, added.body).toBe(201);
    expect(calls.at(-1)).toEqual([null, 2026, body]);
  });

  it('gives an MTFS version with its gap and the savings still to find; an id that is not a uuid is refused', async () => {
    const response = await app.as('scrutiny-member').api('GET', `/api/v1/money/mtfs/${VERSION}`);
    expect(response.statusCode, response.body).toBe(200);
    // Gap £800,000; savings target £100,000; reserves £500,000: £200,000 still to find.
    expect(response.json().years[0]).toMatchObject({
      startYear: 2025,
      year: { gap: '800000.00', unidentified: '200000.00' },
    });
    expect((await app.as('scrutiny-member').api('GET', '/api/v1/money/mtfs/nope')).statusCode).toBe(400);
  });
});
