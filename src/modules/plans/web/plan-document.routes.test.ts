import { strFromU8, unzipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildRouteApp, type RouteApp } from '../../../../test/helpers/route-app.ts';
import type { PlanDetail } from '../plans.types.ts';
import type { PlansPageServices } from '../services.ts';
import { fileNameFor, planDocumentRoutes } from './plan-document.routes.ts';

// The plan's document over fake services: who may download it, what each format carries, and a
// plan the caller cannot read refused as not found. The real services and a real .docx through
// HTTP are in ../test/plan-document.int.test.ts.
const PLAN_ID = '00000000-0000-4000-8000-0000000000e1';
const MEASURE_ID = '00000000-0000-4000-8000-0000000000e2';
const ITEM_ID = '00000000-0000-4000-8000-0000000000e3';

const detail = {
  plan: {
    id: PLAN_ID,
    title: 'Waste service plan 2025/26',
    periodStart: '2025-04-01',
    periodEnd: '2026-03-31',
    status: 'approved',
    version: 2,
  },
  planType: { name: 'Service plan' },
  owningUnit: { id: 'u', name: 'Waste and recycling' },
  owner: { id: 'p', name: 'Sam Owner' },
  sections: [
    {
      key: 'where-are-we-now',
      title: 'Where are we now?',
      hint: '',
      text: 'Recycling is behind target.\n\nComplaints fell.',
    },
    { key: 'resources', title: 'What are the resource implications?', hint: '', text: 'Budget £4.2m; 120 staff.' },
    { key: 'risks', title: 'Risks', hint: '', text: 'Vehicle fleet ageing.' },
    { key: 'how-we-will-monitor', title: 'How we will monitor', hint: '', text: '' },
  ],
} as unknown as PlanDetail;

const tree = [
  {
    id: ITEM_ID,
    code: '1',
    title: 'Recycle more household waste',
    typeName: 'Objective',
    ownerName: 'Sam Owner',
    throughPartnership: false,
    partnerNames: [],
    contributesTo: [],
    children: [],
  },
];

const rollup = {
  kind: 'plan',
  id: PLAN_ID,
  code: null,
  title: 'Waste service plan 2025/26',
  status: 'red',
  statusText: 'Red',
  reason: 'Worst of its items: 1 Recycle more household waste is red',
  counts: { green: 0, amber: 0, red: 2, noData: 0, overdue: 0, noTarget: 0, total: 2 },
  countsText: '2 red',
  ruleText: 'Worst of its measures and items; key measures dominate',
  contributors: [],
  children: [
    {
      kind: 'item',
      id: ITEM_ID,
      code: '1',
      title: 'Recycle more household waste',
      status: 'red',
      statusText: 'Red',
      reason: 'Worst of 2',
      counts: { total: 2 },
      countsText: '2 red',
      ruleText: 'Worst of',
      contributors: [
        {
          kind: 'measure',
          id: MEASURE_ID,
          code: 'W01',
          title: 'Household waste recycled',
          status: 'red',
          statusText: 'Red',
          reason: '41.5% against a target of 50%',
          key: true,
          periodLabel: 'Q2 2025/26',
        },
        {
          kind: 'action',
          id: 'a1',
          code: 'A-7',
          title: '=Launch food waste collection',
          status: 'red',
          statusText: 'Red',
          reason: '20% complete; 60% expected by now',
          key: false,
          periodLabel: null,
          href: '/actions/a1',
        },
      ],
      children: [],
    },
  ],
};

const plans = { detail: vi.fn() };
const items = { treeForPlan: vi.fn() };
const performanceViews = { planRollup: vi.fn() };
const services = { plans, items, performanceViews } as unknown as PlansPageServices;
const printPdf = vi.fn(async (html: string) => Buffer.from(`%PDF-fake ${html.length}`));

describe('the plan document over fake services', () => {
  let t: RouteApp;
  beforeAll(async () => {
    t = await buildRouteApp([
      {
        pages: async (app) => {
          await app.register(planDocumentRoutes, { services, printPdf });
        },
      },
    ]);
  });
  afterAll(async () => t?.close());
  beforeEach(() => {
    vi.clearAllMocks();
    plans.detail.mockResolvedValue({ ok: true, value: detail });
    items.treeForPlan.mockResolvedValue(tree);
    performanceViews.planRollup.mockResolvedValue({ ok: true, value: rollup });
  });

  it('sends someone not signed in to sign in, and asks no service', async () => {
    const response = await t.public.get(`/plans/${PLAN_ID}/document.docx`);
    expect(response.statusCode).toBe(302);
    expect(plans.detail).not.toHaveBeenCalled();
  });

  it('refuses a plan the caller cannot read as not found', async () => {
    plans.detail.mockResolvedValue({ ok: false, error: { code: 'not_found', message: 'Plan not found' } });
    const response = await t.as('viewer').get(`/plans/${PLAN_ID}/document.html`);
    expect(response.statusCode).toBe(404);
    expect(items.treeForPlan).not.toHaveBeenCalled();
  });

  it('gives a viewer the HTML with the seed’s five questions, the figures and the plan’s own words', async () => {
    const response = await t.as('viewer').get(`/plans/${PLAN_ID}/document.html`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="Waste-service-plan-202526.html"');
    const html = response.body;
    const headings = [...html.matchAll(/<h2 id="[^"]+-heading">([^<]+)<\/h2>/g)].map((match) => match[1]);
    expect(headings).toEqual([
      'Contents',
      'Where are we now?',
      'Where do we want to be?',
      'How do we get there?',
      'What are the resource implications?',
      'How will we monitor our success?',
      'More about this plan',
    ]);
    expect(html).toContain('<p>Recycling is behind target.</p>\n<p>Complaints fell.</p>');
    expect(html).toContain('Overall status: Red. Worst of its items: 1 Recycle more household waste is red.');
    expect(html).toContain('<a href="/measures/00000000-0000-4000-8000-0000000000e2">Household waste recycled</a>');
    expect(html).toContain('41.5% against a target of 50%');
    expect(html).toContain('<span class="tone tone-red">Red</span>');
    expect(html).toContain('<a href="/items/00000000-0000-4000-8000-0000000000e3">Recycle more household waste</a>');
    expect(html).toContain('<a href="/actions/a1">=Launch food waste collection</a>');
    expect(html).toContain('<p>Budget £4.2m; 120 staff.</p>');
    expect(html).toContain('<dt>Risks</dt><dd>Vehicle fleet ageing.</dd>');
    expect(html).toContain('<dt>Service</dt><dd>Waste and recycling</dd>');
    expect(plans.detail).toHaveBeenCalledWith(expect.objectContaining({ organisationId: expect.any(String) }), PLAN_ID);
  });

  it('says there are no figures when the roll-up is missing, and no resources when the plan states none', async () => {
    performanceViews.planRollup.mockResolvedValue({ ok: false, error: { code: 'not_found', message: 'x' } });
    plans.detail.mockResolvedValue({ ok: true, value: { ...detail, sections: [] } });
    items.treeForPlan.mockResolvedValue([]);
    const html = (await t.as('viewer').get(`/plans/${PLAN_ID}/document.html`)).body;
    expect(html).toContain('No measures or actions are linked to this plan yet');
    expect(html).toContain('The plan has no items yet.');
    expect(html).toContain('The plan does not state its resources.');
    expect(html).not.toContain('How will we monitor our success?');
  });

  it('gives the Word file with the same figures in real tables', async () => {
    const response = await t.as('viewer').get(`/plans/${PLAN_ID}/document.docx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const body = strFromU8(unzipSync(new Uint8Array(response.rawPayload))['word/document.xml']!);
    expect(body).toContain('Where are we now?');
    expect(body).toContain('41.5% against a target of 50%');
    expect(body.match(/<w:tbl>/g)).toHaveLength(3);
  });

  it('gives the Excel workbook with a sheet per table and no formula', async () => {
    const response = await t.as('viewer').get(`/plans/${PLAN_ID}/document.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'About this document',
      'Measures the latest figures',
      'What the plan sets out to achie',
      'Actions and projects',
    ]);
    expect(workbook.getWorksheet('Actions and projects')!.getCell('B2').value).toBe("'=Launch food waste collection");
  });

  it('prints the same HTML to PDF', async () => {
    const response = await t.as('viewer').get(`/plans/${PLAN_ID}/document.pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(printPdf).toHaveBeenCalledOnce();
    expect(printPdf.mock.calls[0]![0]).toContain('41.5% against a target of 50%');
    expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('names the file from the plan title, safely', () => {
    expect(fileNameFor('Waste "plan" 2025/26; <x>', 'docx')).toBe('Waste-plan-202526-x.docx');
    expect(fileNameFor('***', 'pdf')).toBe('plan.pdf');
  });
});
