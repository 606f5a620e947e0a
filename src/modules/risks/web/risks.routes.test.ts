import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildRouteApp, type RouteApp } from '../../../../test/helpers/route-app.ts';
import { fail, ok, type Result } from '../../../kernel/result.ts';
import { risksApi } from '../api/risks.api.ts';
import { DEFAULT_CATEGORIES, DEFAULT_MATRIX, heatMapOf } from '../domain/index.ts';
import { riskViewOf, type RiskContext } from '../risk-view.ts';
import type { RisksServices } from '../services.ts';
import { registersRoutes } from './registers.routes.ts';
import { riskLinksRoutes } from './risk-links.routes.ts';
import { riskSettingsRoutes } from './risk-settings.routes.ts';
import { risksRoutes } from './risks.routes.ts';

// The risk pages and API over fake services: what each page shows, what a bad form is told, how a
// service's refusal reads, where a good change goes. The SQL is in ../test/risks.int.test.ts.
const REGISTER = '00000000-0000-4000-8000-0000000000a1';
const RISK = '00000000-0000-4000-8000-0000000000a2';
const PERSON = '00000000-0000-4000-8000-0000000000a3';
const UNIT = '00000000-0000-4000-8000-0000000000a4';
const ITEM = '00000000-0000-4000-8000-0000000000b1';
const MEASURE = '00000000-0000-4000-8000-0000000000b2';
const ACTION = '00000000-0000-4000-8000-0000000000b3';
const OTHER_ACTION = '00000000-0000-4000-8000-0000000000b4';

const context: RiskContext = {
  today: '2026-12-05',
  current: { id: 'm1', version: 1, matrix: DEFAULT_MATRIX, createdAt: null },
  matrices: new Map(),
  categories: DEFAULT_CATEGORIES,
};
const register = {
  id: REGISTER,
  name: 'Strategic risk register',
  level: 'strategic' as const,
  unitId: UNIT,
  unitName: 'Ashdown Vale',
  ownerPersonId: PERSON,
  ownerName: 'Chief Executive',
  description: '',
};
const risk = riskViewOf(
  {
    id: RISK,
    registerId: REGISTER,
    registerName: register.name,
    registerLevel: 'strategic',
    reference: 'SR01',
    title: 'Cyber attack <disrupts> services',
    cause: 'Ransomware',
    event: 'Systems encrypted',
    effect: 'Services stop',
    owner: { id: PERSON, name: 'Chief Digital Officer', hasLeft: false },
    type: 'threat',
    category: 'information',
    reviewFrequency: 'quarterly',
    nextReviewOn: '2026-11-30',
    status: 'open',
    closedReason: null,
    closedOn: null,
    matrixId: 'm1',
    inherent: { likelihood: 5, impact: 5 },
    current: { likelihood: 4, impact: 4 },
    target: { likelihood: 2, impact: 4 },
    assessedOn: '2026-09-01',
  },
  context,
);

function fakes() {
  const choices = {
    people: [{ id: PERSON, name: 'Chief Digital Officer' }],
    units: [{ id: UNIT, name: 'Ashdown Vale' }],
    registers: [register],
    categories: DEFAULT_CATEGORIES,
  };
  return {
    riskRegisters: {
      list: vi.fn(async () => ok([{ ...register, openRisks: 1, beyondAppetite: 1, reviewsOverdue: 1 }])),
      get: vi.fn(async () =>
        ok({
          register,
          risks: [risk],
          heatMap: {
            now: heatMapOf(DEFAULT_MATRIX, [risk.current]),
            previous: heatMapOf(DEFAULT_MATRIX, []),
            previousOn: '2026-09-30',
            today: '2026-12-05',
            matrixVersion: 1,
          },
          canEdit: true,
        }),
      ),
      create: vi.fn(async () => ok({ id: REGISTER })),
      update: vi.fn(async () => ok({ id: REGISTER })),
    },
    risks: {
      list: vi.fn(async () => ok({ risks: [risk], context })),
      get: vi.fn(async (_caller: unknown, id: string) =>
        id === RISK
          ? ok({
              risk,
              register,
              controls: [],
              history: [],
              events: [],
              links: {
                items: [{ id: ITEM, code: 'CP1', title: 'Safe <services>' }],
                measures: [],
                actions: [{ id: ACTION, code: 'A1', title: 'Patch the servers' }],
              },
              registers: [register],
              canEdit: true,
              context,
            })
          : fail({ code: 'not_found' as const, message: 'The risk was not found' }),
      ),
      choices: vi.fn(async () => choices),
      create: vi.fn(async () =>
        fail({
          code: 'invalid' as const,
          message: 'The target score (25) must not be higher than the inherent score (4)',
          field: 'targetLikelihood',
        }),
      ),
      update: vi.fn(async () => ok({ id: RISK })),
      reassess: vi.fn(async () => ok({ id: RISK })),
      close: vi.fn(async () => ok({ id: RISK })),
      linkable: vi.fn(async (_caller: unknown, words: string) =>
        ok(
          words
            ? {
                items: [{ id: ITEM, code: 'CP1', title: 'Safe <services>' }],
                measures: [{ id: MEASURE, code: 'M7', title: 'Systems available' }],
                actions: [{ id: OTHER_ACTION, code: 'A2', title: 'Train staff' }],
              }
            : { items: [], measures: [], actions: [] },
        ),
      ),
      setLinks: vi.fn(async (): Promise<Result<{ id: string }>> => ok({ id: RISK })),
    },
    riskChanges: { addControl: vi.fn(), editControl: vi.fn(), move: vi.fn(async () => ok({ id: RISK })) },
    riskSettings: {
      get: vi.fn(async () =>
        ok({ current: context.current, versions: [], categories: DEFAULT_CATEGORIES, categoriesAreDefault: true }),
      ),
      canManage: vi.fn(async () => true),
      saveMatrix: vi.fn(async () => ok({ version: 2, kind: 'new-version' as const })),
      reviseVersion: vi.fn(),
      saveCategories: vi.fn(async () => ok({ count: 9 })),
    },
  };
}

describe('risk pages', () => {
  let t: RouteApp;
  let services: ReturnType<typeof fakes>;
  beforeAll(async () => {
    services = fakes();
    const views = fileURLToPath(new URL('./views', import.meta.url));
    const typed = services as unknown as RisksServices;
    t = await buildRouteApp([
      {
        views,
        pages: async (app) => {
          await app.register(registersRoutes, { services: typed });
          await app.register(risksRoutes, { services: typed });
          await app.register(riskSettingsRoutes, { services: typed });
          await app.register(riskLinksRoutes, { services: typed });
        },
        api: async (api) => {
          await api.register(risksApi, { services: typed });
        },
      },
    ]);
  });
  beforeEach(() => vi.clearAllMocks());
  afterAll(() => t.close());

  it('lists the registers with their open, beyond-appetite and overdue counts', async () => {
    const page = await t.as('viewer').get('/risk-registers');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Strategic risk register');
    expect(page.body).not.toContain('Create a risk register');
  });

  it('draws the register heat map as SVG with its table, and escapes risk titles', async () => {
    const page = await t.as('manager').get(`/risk-registers/${REGISTER}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<svg');
    expect(page.body).toContain('Risks at the end of the previous quarter (2026-09-30)');
    expect(page.body).toContain('1 (score 16, High)');
    expect(page.body).toContain('Cyber attack &lt;disrupts&gt; services');
    expect(page.body).toContain('Review overdue');
    expect(page.body).toContain('Beyond appetite (8)');
  });

  it('passes the table filters to the service', async () => {
    await t.as('viewer').get(`/risks?category=information&beyondAppetite=yes&reviewOverdue=yes&status=all`);
    expect(services.risks.list).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({ category: 'information', beyondAppetite: true, reviewOverdue: true, status: 'all' }),
    );
  });

  it('shows a risk with its scores as a summary list and tags', async () => {
    const page = await t.as('viewer').get(`/risks/${RISK}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('govuk-summary-list');
    expect(page.body).toContain('16 High');
    expect(page.body).toContain('25 Very high');
  });

  it('shows the assessment history with the matrix version each was scored on, and the moves in words', async () => {
    const found = await services.risks.get(undefined, RISK);
    if (!found.ok) throw new Error('the fake has the risk');
    const score = { score: 16, likelihood: 4, impact: 4, band: { label: 'High', colour: 'red' } };
    services.risks.get.mockResolvedValueOnce(
      ok({
        ...found.value,
        history: [
          {
            id: 'a1',
            assessedOn: '2026-09-01',
            by: 'Ann Lee',
            commentary: '',
            matrixVersion: 2,
            inherent: score,
            current: score,
            target: score,
          },
        ],
        events: [
          {
            kind: 'escalated',
            at: new Date('2026-10-01T09:00:00Z'),
            fromName: 'Digital',
            toName: 'Strategic',
            reason: 'Wider impact',
            byName: 'Ann Lee',
          },
        ],
      } as never),
    );
    const page = await t.as('viewer').get(`/risks/${RISK}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('>Version 2<');
    expect(page.body).toContain('Escalated from Digital to Strategic');
  });

  it('answers 404 for a risk that is not the council’s', async () => {
    expect((await t.as('viewer').get('/risks/00000000-0000-4000-8000-0000000000ff')).statusCode).toBe(404);
  });

  it('re-shows a risk form with each missing field named, calling no service', async () => {
    const page = await t.as('manager').post(`/risk-registers/${REGISTER}/risks/new`, { reference: '', title: '' });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('Enter a reference');
    expect(page.body).toContain('Enter the cause');
    expect(services.risks.create).not.toHaveBeenCalled();
  });

  it('shows the service’s refusal against its field', async () => {
    const page = await t.as('manager').post(`/risk-registers/${REGISTER}/risks/new`, {
      reference: 'SR09',
      title: 'T',
      cause: 'C',
      event: 'E',
      effect: 'F',
      ownerPersonId: PERSON,
      type: 'threat',
      category: 'financial',
      reviewFrequency: 'quarterly',
      'nextReviewOn-day': '1',
      'nextReviewOn-month': '3',
      'nextReviewOn-year': '2027',
      inherentLikelihood: '2',
      inherentImpact: '2',
      currentLikelihood: '2',
      currentImpact: '2',
      targetLikelihood: '5',
      targetImpact: '5',
      isNew: 'true',
    });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('must not be higher than the inherent score');
    expect(page.body).toContain('href="#targetLikelihood"');
    expect(services.risks.create).toHaveBeenCalledWith(
      expect.anything(),
      REGISTER,
      expect.objectContaining({ nextReviewOn: '2027-03-01', targetLikelihood: 5 }),
    );
  });

  it('refuses an escalation without a reason before the service', async () => {
    const page = await t.as('manager').post(`/risks/${RISK}/escalate`, { registerId: REGISTER, reason: '' });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('Enter the reason');
    expect(services.riskChanges.move).not.toHaveBeenCalled();
  });

  it('closes a risk with a reason and goes back to it with a message', async () => {
    const agent = t.as('manager');
    const done = await agent.post(`/risks/${RISK}/close`, { reason: 'Contract ended' });
    expect(done.statusCode).toBe(302);
    expect(done.headers.location).toBe(`/risks/${RISK}`);
    expect(t.flashOf(done)).toBe('Risk closed');
  });

  it('keeps the matrix form to those who manage the framework, and says a used version became a new one', async () => {
    expect((await t.as('manager').post('/risk-settings', { form: 'matrix' })).statusCode).toBe(403);
    const page = await t.as('viewer').get('/risk-settings');
    expect(page.body).toContain('Risk appetite');
    const fields = Object.fromEntries([
      ['form', 'matrix'],
      ['size', '5'],
      ...DEFAULT_MATRIX.likelihood.flatMap((p, i) => [
        [`likelihood${i + 1}Label`, p.label],
        [`impact${i + 1}Label`, DEFAULT_MATRIX.impact[i]!.label],
      ]),
      ...DEFAULT_MATRIX.bands.flatMap((b, i) => [
        [`band${i + 1}Label`, b.label],
        [`band${i + 1}Colour`, b.colour],
        [`band${i + 1}From`, String(b.from)],
        [`band${i + 1}To`, String(b.to)],
      ]),
    ]);
    const saved = await t.as('administrator').post('/risk-settings', fields);
    expect(saved.statusCode).toBe(302);
    expect(t.flashOf(saved)).toContain('saved as version 2');
    expect(services.riskSettings.saveMatrix).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({ size: 5, bands: DEFAULT_MATRIX.bands }),
    );
  });

  it('exports a register as CSV with formulas guarded', async () => {
    const page = await fakes().riskRegisters.get();
    if (!page.ok) throw new Error('the fake register page');
    services.riskRegisters.get.mockResolvedValueOnce(
      ok({ ...page.value, risks: [{ ...risk, title: '=HYPERLINK("x")' }] }),
    );
    const file = await t.as('viewer').get(`/risk-registers/${REGISTER}/export.csv`);
    expect(file.headers['content-type']).toContain('text/csv');
    expect(file.body).toContain(`'=HYPERLINK`);
  });

  it('answers the API with problem JSON for a refused risk', async () => {
    const response = await t.as('manager').api('POST', `/api/v1/risk-registers/${REGISTER}/risks`, {
      reference: 'SR09',
      title: 'T',
      cause: 'C',
      event: 'E',
      effect: 'F',
      ownerPersonId: PERSON,
      type: 'threat',
      category: 'financial',
      reviewFrequency: 'quarterly',
      nextReviewOn: '2027-03-01',
      inherentLikelihood: 2,
      inherentImpact: 2,
      currentLikelihood: 2,
      currentImpact: 2,
      targetLikelihood: 5,
      targetImpact: 5,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid', errors: [{ field: 'targetLikelihood' }] });
  });

  it('lists what a risk concerns by kind, each a link to its page', async () => {
    const page = await t.as('viewer').get(`/risks/${RISK}`);
    expect(page.body).toContain('Objectives and other plan items');
    expect(page.body).toContain(`href="/items/${ITEM}"`);
    expect(page.body).toContain('CP1 Safe &lt;services&gt;');
    expect(page.body).toContain(`href="/actions/${ACTION}"`);
    expect(page.body).toContain(`/risks/${RISK}/links`);
  });

  it('offers the present links ticked and the search’s finds unticked, not listing a linked one twice', async () => {
    const page = await t.as('manager').get(`/risks/${RISK}/links?q=safe`);
    expect(page.statusCode).toBe(200);
    expect(services.risks.linkable).toHaveBeenCalledWith(expect.anything(), 'safe');
    expect(page.body.match(new RegExp(`value="${ITEM}" checked`, 'g'))).toHaveLength(1);
    expect(page.body).toContain(`value="${ACTION}" checked`);
    expect(page.body).toMatch(new RegExp(`value="${MEASURE}"(?! checked)`));
    expect(page.body).toMatch(new RegExp(`value="${OTHER_ACTION}"(?! checked)`));
    expect(page.body.match(new RegExp(`value="${ITEM}"`, 'g'))).toHaveLength(1);
  });

  it('saves the ticked links, one or several per kind, and goes back to the risk', async () => {
    const done = await t.as('manager').post(`/risks/${RISK}/links`, {
      itemIds: ITEM,
      measureIds: MEASURE,
      actionIds: [ACTION, OTHER_ACTION],
    });
    expect(done.statusCode).toBe(302);
    expect(done.headers.location).toBe(`/risks/${RISK}`);
    expect(services.risks.setLinks).toHaveBeenCalledWith(expect.anything(), RISK, {
      itemIds: [ITEM],
      measureIds: [MEASURE],
      actionIds: [ACTION, OTHER_ACTION],
    });
  });

  it('re-shows the picker with the service’s refusal and the boxes as they were ticked', async () => {
    services.risks.setLinks.mockResolvedValueOnce(
      fail({
        code: 'not_found' as const,
        message: 'A linked action was not found in this council',
        field: 'actionIds',
      }),
    );
    const page = await t.as('manager').post(`/risks/${RISK}/links`, { q: 'safe', itemIds: ITEM });
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('A linked action was not found in this council');
    expect(page.body).toContain(`value="${ITEM}" checked`);
    expect(page.body).not.toContain(`value="${ACTION}" checked`);
  });

  it('keeps the registers from people without view:risks and changes to those with edit:risks', async () => {
    expect((await t.as('data-entry').get('/risks')).statusCode).toBe(403);
    expect((await t.as('partner').get(`/risks/${RISK}`)).statusCode).toBe(403);
    expect((await t.as('scrutiny-member').get(`/risks/${RISK}`)).statusCode).toBe(200);
    expect((await t.as('audit-member').get(`/risks/${RISK}/links`)).statusCode).toBe(403);
    expect((await t.as('viewer').post(`/risks/${RISK}/links`, { itemIds: ITEM })).statusCode).toBe(403);
    expect(services.risks.setLinks).not.toHaveBeenCalled();
  });

  it('does not touch the links when the details form is saved (it does not carry them)', async () => {
    const done = await t.as('manager').post(`/risks/${RISK}/edit`, {
      reference: 'SR01',
      title: 'T',
      cause: 'C',
      event: 'E',
      effect: 'F',
      ownerPersonId: PERSON,
      type: 'threat',
      category: 'financial',
      reviewFrequency: 'quarterly',
      'nextReviewOn-day': '1',
      'nextReviewOn-month': '3',
      'nextReviewOn-year': '2027',
    });
    expect(done.statusCode).toBe(302);
    const input = (services.risks.update.mock.calls[0] as unknown[])[2] as Record<string, unknown>;
    expect(input.itemIds).toBeUndefined();
    expect(input.actionIds).toBeUndefined();
  });
});
