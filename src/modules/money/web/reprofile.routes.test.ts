/** Reprofiling on a capital scheme's page and through the API, over fake services: forms, refusals named, access. */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moneyFromPence } from '../../../kernel/money.ts';
import { phraseText } from '../../../kernel/phrase.ts';
import { fail, ok, type DomainError } from '../../../kernel/result.ts';
import { buildRouteApp, type RouteApp } from '../../../../test/helpers/route-app.ts';
import { reprofileApi } from '../api/reprofile.api.ts';
import { DEFAULT_BANDS } from '../domain/variance.ts';
import type { MoneyServices } from '../services.ts';
import { reprofileRoutes } from './reprofile.routes.ts';
import { capitalRoutes } from './capital.routes.ts';

const SCHEME = '00000000-0000-4000-8000-0000000000d1';
const PENDING = '00000000-0000-4000-8000-0000000000e1';
const OWN = '00000000-0000-4000-8000-0000000000e2';
const DECIDED = '00000000-0000-4000-8000-0000000000e3';
const REQUESTER = '00000000-0000-4000-8000-0000000000aa';

const row = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  schemeId: SCHEME,
  fromYear: 2025,
  toYear: 2026,
  amount: moneyFromPence(250_000_00),
  reason: 'Planning <consent> delayed',
  status: 'pending',
  requestedBy: REQUESTER,
  requestedByName: 'Pat Project',
  requestedAt: new Date('2025-09-01T10:00:00Z'),
  decidedByName: null,
  decisionReason: '',
  decidedAt: null,
  ...overrides,
});

describe('reprofiling a capital scheme', () => {
  let app: RouteApp;
  const calls: unknown[][] = [];
  /** What the fake service answers next to a request or a decision. */
  let next: { ok: true; value: unknown } | { ok: false; error: DomainError } = ok({ id: PENDING });

  beforeAll(async () => {
    const scheme = { id: SCHEME, code: 'CAP01', name: 'Depot', unitId: 'u', unitName: 'Place' };
    const services = {
      reserves: { defaultYear: () => 2025 },
      capital: {
        scheme: async () => ok({ scheme, startYear: 2025, bands: DEFAULT_BANDS, year: null, mayEdit: true }),
      },
      reprofiles: {
        // The finance officer in these tests asked for OWN: it is their own, so not offered to them to decide.
        history: async (caller: { personId: string }) =>
          ok({
            reprofiles: [
              row(PENDING),
              row(OWN, { requestedBy: caller.personId, amount: moneyFromPence(1_00) }),
              row(DECIDED, {
                status: 'rejected',
                decidedByName: 'Fran Finance',
                decisionReason: 'No evidence',
                decidedAt: new Date('2025-09-02T10:00:00Z'),
              }),
            ],
            mayRequest: true,
            mayDecide: true,
          }),
        request: async (...args: unknown[]) => {
          calls.push(['request', ...args.slice(1)]);
          return next;
        },
        decide: async (...args: unknown[]) => {
          calls.push(['decide', ...args.slice(1)]);
          return next;
        },
      },
    } as unknown as MoneyServices;
    app = await buildRouteApp([
      {
        views: fileURLToPath(new URL('./views', import.meta.url)),
        pages: async (instance) => {
          await instance.register(capitalRoutes, { services });
          await instance.register(reprofileRoutes, { services });
        },
        api: async (instance) => instance.register(reprofileApi, { services }),
      },
    ]);
  });
  afterAll(async () => app?.close());

  it('shows the history on the scheme’s page, escaped, and a decision form only for others’ pending requests', async () => {
    const finance = app.as('finance-officer');
    const page = await finance.get(`/money/capital/schemes/${SCHEME}?year=2025`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.body).toContain('Planning &lt;consent&gt; delayed');
    expect(page.body).toContain('Rejected by Fran Finance on 2 September 2025: No evidence');
    expect(page.body).toContain('Waiting for a decision');
    expect(page.body).toContain(`/money/capital/schemes/${SCHEME}/reprofiles/${PENDING}/decision?year=2025`);
    expect(page.body).not.toContain(`/reprofiles/${OWN}/decision`);
    expect(page.body).toContain('someone else must decide it');
    expect(page.body).toContain(`action="/money/capital/schemes/${SCHEME}/reprofiles?year=2025"`);
    expect(page.body).toContain('value="2026"'); // the to-year offered: the year after the page's
  });

  it('asks for a reprofile with the typed cells, and names the field a refusal concerns, keeping what was typed', async () => {
    const finance = app.as('finance-officer');
    const form = { fromYear: '2025', toYear: '2026', amount: '250,000', reason: 'Consent delayed' };
    next = ok({ id: PENDING });
    const asked = await finance.post(`/money/capital/schemes/${SCHEME}/reprofiles?year=2025`, form);
    expect(asked.statusCode).toBe(302);
    expect(asked.headers.location).toBe(`/money/capital/schemes/${SCHEME}?year=2025#reprofiling`);
    expect(app.flashOf(asked)).toContain('Reprofile asked for');
    expect(calls.at(-1)).toEqual(['request', SCHEME, form]);

    next = fail({ code: 'invalid', message: phraseText('capitalReprofile.amountOverBudget'), field: 'amount' });
    const refused = await finance.post(`/money/capital/schemes/${SCHEME}/reprofiles?year=2025`, {
      ...form,
      amount: '9999999',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#amount"');
    expect(refused.body).toContain('The amount is more than the year’s budget holds');
    expect(refused.body).toContain('value="9999999"');
  });

  it('needs a decision before the service, and names refusals: one’s own request, deciding twice', async () => {
    const finance = app.as('finance-officer');
    const url = `/money/capital/schemes/${SCHEME}/reprofiles/${PENDING}/decision?year=2025`;
    const before = calls.length;
    const none = await finance.post(url, { reason: 'Hmm' });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain(`href="#decision-${PENDING}"`);
    expect(none.body).toContain('Choose whether to approve or reject the reprofile');
    expect(calls.length).toBe(before);

    next = fail({ code: 'forbidden', message: phraseText('capitalReprofile.notOwnRequest') });
    const own = await finance.post(url, { decision: 'approve' });
    expect(own.statusCode).toBe(403);
    expect(own.body).toContain('You cannot decide a reprofile you asked for');

    next = fail({ code: 'invalid_state', message: phraseText('capitalReprofile.alreadyDecided') });
    const twice = await finance.post(url, { decision: 'approve' });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain('This reprofile has already been decided');

    next = fail({ code: 'invalid', message: phraseText('capitalReprofile.rejectReasonMissing'), field: 'reason' });
    const noReason = await finance.post(url, { decision: 'reject' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain(`href="#reason-${PENDING}"`);
    expect(noReason.body).toMatch(/<input[^>]*value="reject"[^>]*checked/);

    next = ok({ schemeId: SCHEME, status: 'approved' });
    const approved = await finance.post(url, { decision: 'approve', reason: '' });
    expect(approved.statusCode).toBe(302);
    expect(app.flashOf(approved)).toContain('the budget has moved');
    expect(calls.at(-1)).toEqual(['decide', SCHEME, PENDING, { decision: 'approve', reason: '' }]);
  });

  it('treats unreadable ids as not found and refuses a reader, both before the service', async () => {
    const before = calls.length;
    const finance = app.as('finance-officer');
    expect((await finance.post('/money/capital/schemes/nope/reprofiles', {})).statusCode).toBe(404);
    expect((await finance.post(`/money/capital/schemes/${SCHEME}/reprofiles/nope/decision`, {})).statusCode).toBe(404);
    expect((await finance.post(`/money/capital/schemes/${SCHEME}/reprofiles?year=twenty`, {})).statusCode).toBe(404);
    const reader = app.as('scrutiny-member');
    expect((await reader.post(`/money/capital/schemes/${SCHEME}/reprofiles`, {})).statusCode).toBe(403);
    expect(calls.length).toBe(before);
  });

  it('gives the history through the API in decimal strings, and answers refusals as problems', async () => {
    const list = await app.as('scrutiny-member').api('GET', `/api/v1/money/capital/schemes/${SCHEME}/reprofiles`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json()[0]).toMatchObject({ id: PENDING, amount: '250000.00', status: 'pending', decidedAt: null });
    expect(list.json()[2]).toMatchObject({ status: 'rejected', decidedAt: '2025-09-02T10:00:00.000Z' });

    const finance = app.as('finance-officer');
    next = ok({ id: PENDING });
    const body = { fromYear: '2025', toYear: '2026', amount: '1.00', reason: 'Delay' };
    const asked = await finance.api('POST', `/api/v1/money/capital/schemes/${SCHEME}/reprofiles`, body);
    expect(asked.statusCode, asked.body).toBe(201);
    expect(calls.at(-1)).toEqual(['request', SCHEME, body]);

    next = fail({ code: 'invalid_state', message: phraseText('capitalReprofile.alreadyDecided') });
    const url = `/api/v1/money/capital/schemes/${SCHEME}/reprofiles/${PENDING}/decision`;
    const twice = await finance.api('POST', url, { decision: 'approve' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toBe('This reprofile has already been decided');
    const before = calls.length;
    expect((await finance.api('POST', url, { decision: 'maybe' })).statusCode).toBe(400);
    expect(calls.length).toBe(before);
  });

  it('describes the reprofile endpoints in the OpenAPI document', async () => {
    const doc = (await app.as('viewer').get('/api/openapi.json')).json();
    const scheme = '/api/v1/money/capital/schemes/{id}/reprofiles';
    expect(doc.paths[scheme]?.get?.responses?.['200']).toBeDefined();
    expect(doc.paths[scheme]?.post?.requestBody).toBeDefined();
    expect(doc.paths[`${scheme}/{reprofileId}/decision`]?.post?.responses?.['409']).toBeDefined();
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['CapitalReprofile', 'CapitalReprofileRequest', 'CapitalReprofileDecision']),
    );
  });
});
