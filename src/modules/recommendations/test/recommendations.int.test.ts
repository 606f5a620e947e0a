/**
 * The register through HTTP on both databases: creating reports and recommendations, revising a
 * due date with a committee's decision, closing with evidence, the filters and ageing queries,
 * tenancy (another council's report, body or recommendation is refused as not found), and the
 * bad input that must be refused with nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
  auditEvents,
  governanceBodies,
  people,
  recommendationDueDateRevisions,
  recommendationHistory,
  recommendationReports,
  recommendations,
} from '../../../schema.ts';
import { createTestApp, DATABASES, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';
import { writeXlsx } from '../../imports/index.ts';
import { xlsxRows } from '../../../../test/helpers/xlsx.ts';
import type { ActionSummary, ImplementingActions } from '../ports.ts';
import { createRecommendationsServices } from '../services.ts';
import { recommendationExists } from '../index.ts';

const TODAY = '2026-03-15';

describe.each(DATABASES)('recommendations on %s', (kind) => {
  let t: TestApp;
  let officer: Agent;
  let owner: Agent;
  let reportId: string;
  let bodyId: string;
  const db = () => t.deps.database.db;
  const counts = async () =>
    Promise.all([
      db().select().from(recommendationReports),
      db().select().from(recommendations),
      db().select().from(recommendationDueDateRevisions),
      db().select().from(recommendationHistory),
      db().select().from(auditEvents),
    ]).then((tables) => tables.map((rows) => rows.length));

  const recommendation = (extra: Record<string, unknown> = {}) => ({
    reportId,
    reference: 'R1',
    priority: 'high',
    text: 'Document the calculation of every key performance indicator',
    ownerPersonId: owner.personId,
    unitId: null,
    dueDate: '2026-01-31',
    response: 'accepted',
    responseReason: '',
    agreedAction: 'Write a definition for each indicator',
    ...extra,
  });

  async function add(extra: Record<string, unknown> = {}): Promise<string> {
    const response = await officer.api('POST', '/api/v1/recommendations', recommendation(extra));
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id;
  }

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: () => new Date(`${TODAY}T10:00:00Z`) });
    officer = await t.as('performance-officer');
    owner = await t.as('manager');
    const report = await officer.api('POST', '/api/v1/recommendations/reports', {
      source: 'internal-audit',
      title: 'Data quality of performance indicators',
      reference: 'IA-25-07',
      reportDate: '2025-09-01',
    });
    expect(report.statusCode, report.body).toBe(201);
    reportId = report.json().id;
    const [body] = await db()
      .insert(governanceBodies)
      .values({ organisationId: t.org.id, name: 'Audit Committee', kind: 'committee', frameworkRoles: ['receives'] })
      .returning();
    bodyId = body!.id;
  });
  afterAll(async () => t?.close());

  it('adds a recommendation, audited, and shows its ageing in the register and the committee view', async () => {
    const id = await add();
    const detail = await officer.api('GET', `/api/v1/recommendations/${id}`);
    expect(detail.json()).toMatchObject({
      status: 'open',
      dueDate: '2026-01-31',
      originalDueDate: '2026-01-31',
      daysOpen: 195,
      daysOverdue: 43,
      overdue: true,
      ageBand: '6-to-12-months',
      actions: [],
    });
    const overdue = await officer.api('GET', `/api/v1/recommendations?overdue=yes&reportId=${reportId}`);
    expect(overdue.json().map((r: { id: string }) => r.id)).toContain(id);
    const ageing = await officer.api('GET', `/api/v1/recommendations/ageing?reportId=${reportId}`);
    expect(ageing.json().openByAge['6-to-12-months']).toBeGreaterThan(0);
    const events = await db().select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(events.map((event) => event.action)).toEqual(['create']);
  });

  it('revises the due date with a committee’s decision, keeping the original and the revision', async () => {
    const id = await add({ reference: 'R2' });
    const revised = await officer.api('POST', `/api/v1/recommendations/${id}/due-date-revisions`, {
      newDueDate: '2026-06-30',
      reason: 'The new system goes live in May',
      bodyId,
      decisionReference: 'Minute 42/26',
      decidedOn: '2026-02-10',
    });
    expect(revised.statusCode, revised.body).toBe(200);
    const detail = (await officer.api('GET', `/api/v1/recommendations/${id}`)).json();
    expect(detail).toMatchObject({ dueDate: '2026-06-30', originalDueDate: '2026-01-31', overdue: false });
    expect(detail.revisions).toEqual([
      expect.objectContaining({
        previousDueDate: '2026-01-31',
        newDueDate: '2026-06-30',
        bodyName: 'Audit Committee',
        decisionReference: 'Minute 42/26',
      }),
    ]);
    const notOverdue = await officer.api('GET', `/api/v1/recommendations?overdue=yes&reportId=${reportId}`);
    expect(notOverdue.json().map((r: { id: string }) => r.id)).not.toContain(id);
  });

  it('moves to implemented and closes with evidence, after which nothing may change', async () => {
    const id = await add({ reference: 'R3' });
    expect(
      (await officer.api('POST', `/api/v1/recommendations/${id}/status`, { status: 'in-progress' })).statusCode,
    ).toBe(200);
    expect(
      (await officer.api('POST', `/api/v1/recommendations/${id}/status`, { status: 'implemented' })).statusCode,
    ).toBe(200);
    const closed = await officer.api('POST', `/api/v1/recommendations/${id}/status`, {
      status: 'closed',
      evidence: 'Definitions published and checked by internal audit',
      evidenceLink: 'IA follow-up 2026/03',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const detail = (await officer.api('GET', `/api/v1/recommendations/${id}`)).json();
    expect(detail).toMatchObject({
      status: 'closed',
      closureEvidence: expect.stringContaining('Definitions'),
      overdue: false,
    });
    const before = await counts();
    const again = await officer.api('POST', `/api/v1/recommendations/${id}/response`, {
      response: 'rejected',
      reason: 'x',
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().detail).toMatch(/is closed, so it can no longer be changed/);
    expect(await counts()).toEqual(before);
  });

  it.each([
    [
      'a due date before the report',
      'POST',
      '',
      () => recommendation({ dueDate: '2025-08-01' }),
      /on or after the report’s date/,
      'dueDate',
    ],
    [
      'a rejection without a reason',
      'POST',
      '',
      () => recommendation({ response: 'rejected', responseReason: ' ' }),
      /why the recommendation was rejected/,
      'responseReason',
    ],
    [
      'a partial acceptance without a reason',
      'POST',
      '',
      () => recommendation({ response: 'partly-accepted' }),
      /only partly accepted/,
      'responseReason',
    ],
  ])('refuses %s, writing nothing', async (_label, _method, _path, body, message, field) => {
    const before = await counts();
    const response = await officer.api('POST', '/api/v1/recommendations', body());
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ detail: expect.stringMatching(message), errors: [{ field }] });
    expect(await counts()).toEqual(before);
  });

  it('refuses an owner who has left, a revision without a reason and closing without evidence', async () => {
    const leaver = await t.as(null);
    await db().update(people).set({ status: 'left', leftOn: '2026-01-01' }).where(eq(people.id, leaver.personId));
    const id = await add({ reference: 'R4' });
    const before = await counts();
    const left = await officer.api(
      'POST',
      '/api/v1/recommendations',
      recommendation({ ownerPersonId: leaver.personId }),
    );
    expect(left.statusCode).toBe(400);
    expect(left.json().detail).toMatch(/has left the council/);
    const noReason = await officer.api('POST', `/api/v1/recommendations/${id}/due-date-revisions`, {
      newDueDate: '2026-09-30',
      reason: '',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ errors: [{ field: 'reason' }] });
    const noMinute = await officer.api('POST', `/api/v1/recommendations/${id}/due-date-revisions`, {
      newDueDate: '2026-09-30',
      reason: 'More time',
      bodyId,
    });
    expect(noMinute.json()).toMatchObject({ errors: [{ field: 'decisionReference' }] });
    const noEvidence = await officer.api('POST', `/api/v1/recommendations/${id}/status`, { status: 'closed' });
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.json()).toMatchObject({ errors: [{ field: 'evidence' }] });
    expect(await counts()).toEqual(before);
  });

  it('refuses another council’s report, body and recommendation as not found', async () => {
    const other = await t.createOrganisation('Other Council');
    const stranger = await t.as('performance-officer', { organisation: other });
    const theirs = await stranger.api('POST', '/api/v1/recommendations/reports', {
      source: 'peer-review',
      title: 'Their peer review',
      reference: '',
      reportDate: '2025-10-01',
    });
    const theirReport = theirs.json().id;
    const [theirBody] = await db()
      .insert(governanceBodies)
      .values({ organisationId: other.id, name: 'Their committee', kind: 'committee', frameworkRoles: ['receives'] })
      .returning();
    const ours = await add({ reference: 'R5' });
    const before = await counts();
    const onTheirReport = await officer.api(
      'POST',
      '/api/v1/recommendations',
      recommendation({ reportId: theirReport }),
    );
    expect(onTheirReport.json()).toMatchObject({ errors: [{ field: 'reportId' }] });
    const withTheirBody = await officer.api('POST', `/api/v1/recommendations/${ours}/due-date-revisions`, {
      newDueDate: '2026-09-30',
      reason: 'More time',
      bodyId: theirBody!.id,
      decisionReference: 'Minute 1',
    });
    expect(withTheirBody.json()).toMatchObject({ errors: [{ field: 'bodyId' }] });
    expect((await stranger.api('GET', `/api/v1/recommendations/${ours}`)).statusCode).toBe(404);
    expect(
      (await stranger.api('POST', `/api/v1/recommendations/${ours}/status`, { status: 'superseded', note: 'x' }))
        .statusCode,
    ).toBe(404);
    expect((await stranger.api('GET', `/api/v1/recommendations/reports/${reportId}`)).statusCode).toBe(404);
    expect((await stranger.api('GET', '/api/v1/recommendations')).json()).toEqual([]);
    expect(await counts()).toEqual(before);
  });

  it('imports a CSV in full, and writes nothing when any row is wrong, naming row and column', async () => {
    const header =
      'Report,Reference,Priority,Recommendation,Owner email,Unit code,Due date,Response,Response reason,Agreed action';
    const good = `IA-25-07,R10,High,Reconcile the source data monthly,${owner.email},COUNCIL,2026-05-31,Accepted,,Monthly reconciliation`;
    const post = (csv: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/recommendations/import',
        headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': 'text/csv' },
        payload: csv,
      });
    const before = await counts();
    const bad = await post(
      [
        header,
        good,
        `Nonexistent report,R11,medium,Text,${owner.email},,2026-05-31,,,`,
        `IA-25-07,R12,urgent,Text,nobody@example.org,,2025-01-01,Rejected,,`,
      ].join('\r\n'),
    );
    expect(bad.statusCode).toBe(400);
    const rows = bad.json().rows as { row: number; column: string; message: string }[];
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: 'Report' }),
        expect.objectContaining({ row: 4, column: 'Owner email' }),
        expect.objectContaining({ row: 4, column: 'Priority' }),
      ]),
    );
    expect(await counts()).toEqual(before);
    const imported = await post([header, good, good.replace('R10', 'R11')].join('\r\n'));
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toEqual({ imported: 2 });
    const listed = (await officer.api('GET', `/api/v1/recommendations?reportId=${reportId}`)).json();
    expect(listed.map((r: { reference: string }) => r.reference)).toEqual(expect.arrayContaining(['R10', 'R11']));
  });

  it('exports the register as CSV with its ageing, guarding formulas', async () => {
    await add({ reference: 'R20', text: '=HYPERLINK("http://example.org")' });
    const csv = await officer.get('/recommendations/export.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.split('\r\n')[0]).toMatch(/^Report,Reference,Priority,Recommendation,Owner email/);
    expect(csv.body).toContain(`"'=HYPERLINK(""http://example.org"")"`);
    // The list's filters choose the rows: the open R20 is not among the closed ones.
    const closedOnly = await officer.get('/recommendations/export.csv?status=closed');
    expect(closedOnly.body).not.toContain('HYPERLINK');
    expect(closedOnly.body.trim().split('\r\n').length).toBeLessThan(csv.body.trim().split('\r\n').length);
    const xlsx = await officer.get('/recommendations/export.xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await xlsxRows(xlsx.rawPayload)).flat()).toContain(`'=HYPERLINK("http://example.org")`);
  });

  it('keeps the council’s escalation rule, audited, changed only by a framework manager', async () => {
    expect((await officer.api('GET', '/api/v1/recommendations/settings')).json()).toEqual({ escalateAfterDays: 30 });
    const manager = await t.as('manager');
    expect((await manager.api('PUT', '/api/v1/recommendations/settings', { escalateAfterDays: 7 })).statusCode).toBe(
      403,
    );
    const saved = await officer.api('PUT', '/api/v1/recommendations/settings', { escalateAfterDays: 21 });
    expect(saved.statusCode).toBe(200);
    expect((await officer.api('GET', '/api/v1/recommendations/settings')).json()).toEqual({ escalateAfterDays: 21 });
    const events = await db().select().from(auditEvents).where(eq(auditEvents.entityType, 'recommendation-settings'));
    expect(events).toHaveLength(1);
  });

  it('imports an XLSX workbook, refusing an owner who has left with row and column', async () => {
    const leaver = await t.as(null);
    await db().update(people).set({ status: 'left', leftOn: '2026-01-01' }).where(eq(people.id, leaver.personId));
    const header = ['Report', 'Reference', 'Priority', 'Recommendation', 'Owner email', 'Unit code', 'Due date'];
    const post = async (rows: string[][]) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/recommendations/import',
        headers: {
          cookie: officer.cookie,
          'x-csrf-token': officer.csrf,
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        },
        payload: await writeXlsx('Recommendations', header, rows),
      });
    const before = await counts();
    const refused = await post([
      ['Data quality of performance indicators', 'X1', 'low', 'Text', owner.email, '', '2026-06-30'],
      ['IA-25-07', 'X2', 'low', 'Text', leaver.email, '', '2026-06-30'],
    ]);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().rows).toEqual([
      { row: 3, column: 'Owner email', message: expect.stringContaining('has left the council') },
    ]);
    expect(await counts()).toEqual(before);
    const imported = await post([['IA-25-07', 'X3', 'Low', 'Text', owner.email, '', '2026-06-30']]);
    expect(imported.json()).toEqual({ imported: 1 });
  });

  it('shows the actions implementing a recommendation, and will not call it implemented while one is unfinished', async () => {
    const id = await add({ reference: 'R30' });
    const action = (status: string): ActionSummary => ({
      id: 'a1',
      code: 'ACT-1',
      title: 'Write the definitions',
      status,
      derivedStatus: status,
      percentComplete: status === 'complete' ? 100 : 40,
      dueDate: '2026-04-30',
      overdue: false,
      href: '/actions/a1',
    });
    let current = action('on-track');
    const asked: unknown[][] = [];
    const actions: ImplementingActions = {
      actionsAnswering: async (_db, organisationId, kind, ids) => {
        asked.push([organisationId, kind, ids]);
        return [current];
      },
    };
    const services = createRecommendationsServices({ db: db(), clock: t.deps.clock, actions });
    const caller = {
      kind: 'person',
      personId: officer.personId,
      organisationId: t.org.id,
      name: 'Officer',
      partnerId: null,
      grants: [{ role: 'performance-officer', unitId: null }],
    } as const;
    const detail = await services.recommendations.detail(caller, id);
    expect(detail.ok && detail.value.actions.map((a) => a.code)).toEqual(['ACT-1']);
    expect(asked[0]).toEqual([t.org.id, 'recommendation', [id]]);
    await services.recommendations.changeStatus(caller, id, {
      status: 'in-progress',
      note: '',
      evidence: '',
      evidenceLink: '',
    });
    const refused = await services.recommendations.changeStatus(caller, id, {
      status: 'implemented',
      note: '',
      evidence: '',
      evidenceLink: '',
    });
    expect(refused).toMatchObject({ ok: false, error: { field: 'status', message: expect.stringContaining('ACT-1') } });
    current = action('complete');
    const done = await services.recommendations.changeStatus(caller, id, {
      status: 'implemented',
      note: '',
      evidence: '',
      evidenceLink: '',
    });
    expect(done.ok).toBe(true);
    expect(await recommendationExists(db(), t.org.id, id)).toBe(true);
    expect(await recommendationExists(db(), (await t.createOrganisation('Elsewhere')).id, id)).toBe(false);
  });
});
