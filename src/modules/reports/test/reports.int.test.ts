/**
 * The report through HTTP (PGlite only: ordinary reads and writes, no SQL that differs between the
 * engines): the built-in definitions copied in on first use, adding and changing a definition with
 * bad input refused and nothing written, the draft assembled from the stored statuses, the gate's
 * refusal naming each gap, issue freezing the document, a later data change leaving the issued
 * report unchanged, a correction as revision 2 beside revision 1, and another council's ids.
 */
import { and, eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actionItemLinks,
  actionMeasureLinks,
  actions,
  actionUpdates,
  auditEvents,
  borrowingYears,
  measureItemLinks,
  measures,
  measureStatuses,
  measureValues,
  partners,
  planItemPartners,
  projectMilestones,
  projects,
  reportDefinitions,
  reportSettings,
} from '../../../schema.ts';
import { childUnit, planWithItems } from '../../../../test/helpers/measure-fixtures.ts';
import { quarterly, today } from '../../../../test/helpers/performance-fixtures.ts';
import { createTestApp, PAGE_DATABASES, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';

describe.each(PAGE_DATABASES)('reports on %s', (kind) => {
  let t: TestApp;
  let officer: Agent;
  let viewer: Agent;
  let executiveId: string;
  let m1: string;
  let m2: string;
  const db = () => t.deps.database.db;

  async function status(
    measureId: string,
    periodKey: string,
    rag: string,
    value: number,
    extra: Record<string, unknown> = {},
  ) {
    await db()
      .insert(measureStatuses)
      .values({ organisationId: t.org.id, measureId, periodKey, rag, value, targetValue: 70, ...extra });
  }

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: () => today });
    officer = await t.as('performance-officer');
    viewer = await t.as('viewer');
    m1 = (await quarterly(t, t.org, 'M1', null, true, [60, 62, 64, 66, 72, 55])).id;
    m2 = (await quarterly(t, t.org, 'M2', null, true, [70, 71, 72, 73, 74, 75])).id;
    // The stored statuses the engine would have written: M1 fell from green to red in Q2.
    await status(m1, '2025-26-Q1', 'green', 72, { forecastProbability: 0.7, spcLatestType: 'common-cause' });
    await status(m1, '2025-26-Q2', 'red', 55, {
      directionPrevious: 'worsening',
      forecastProbability: 0.2,
      spcLatestType: 'special-cause-concern',
      spcVariationIcon: 'concern-low',
    });
    await status(m2, '2025-26-Q1', 'green', 74);
    await status(m2, '2025-26-Q2', 'green', 75, { directionPrevious: 'improving' });
  });
  afterAll(async () => t?.close());

  it('copies the built-in definitions on first use, once, audited', async () => {
    const first = await viewer.api('GET', '/api/v1/report-definitions');
    expect(first.statusCode, first.body).toBe(200);
    const keys = first.json().map((d: { builtIn: string }) => d.builtIn);
    expect(keys).toEqual(expect.arrayContaining(['executive-quarterly', 'scrutiny-quarterly', 'public-summary']));
    const again = await officer.api('GET', '/api/v1/report-definitions');
    expect(again.json()).toHaveLength(keys.length);
    executiveId = first.json().find((d: { builtIn: string }) => d.builtIn === 'executive-quarterly').id;
    const audited = await db().select().from(auditEvents).where(eq(auditEvents.entityType, 'report-definition'));
    expect(audited).toHaveLength(keys.length);
  });

  it('adds and changes a definition; refuses bad input naming the field, with nothing written', async () => {
    const before = (await db().select().from(reportDefinitions)).length;
    const bad = await officer.api('POST', '/api/v1/report-definitions', {
      title: 'Directorate report',
      audience: 'leadership',
      scopeKind: 'directorate',
      scopeId: null,
      cadence: 'monthly',
      sections: ['summary'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Choose the directorate or portfolio the report covers');
    const unknownScope = await officer.api('POST', '/api/v1/report-definitions', {
      title: 'Directorate report',
      audience: 'leadership',
      scopeKind: 'directorate',
      scopeId: crypto.randomUUID(),
      cadence: 'monthly',
      sections: ['summary'],
    });
    expect(unknownScope.statusCode).toBe(400);
    expect((await db().select().from(reportDefinitions)).length).toBe(before);
    const created = await officer.api('POST', '/api/v1/report-definitions', {
      title: 'Panel summary',
      audience: 'panel',
      scopeKind: 'council',
      scopeId: null,
      cadence: 'quarterly',
      sections: ['key', 'summary'],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ sections: ['summary', 'key'] });
    expect(created.json()).not.toHaveProperty('exceptionMarginPercent');
    const changed = await officer.api('PUT', `/api/v1/report-definitions/${created.json().id}`, {
      ...created.json<object>(),
      title: 'Panel summary (changed)',
    });
    expect(changed.json()).toMatchObject({ title: 'Panel summary (changed)', rowVersion: 2 });
    expect((await viewer.api('POST', '/api/v1/report-definitions', created.json())).statusCode).toBe(403);
  });

  it('assembles the draft from the stored statuses: summary, what changed with links, exceptions, the key', async () => {
    const draft = await viewer.api('GET', `/api/v1/report-definitions/${executiveId}/periods/2025-26-Q2`);
    expect(draft.statusCode, draft.body).toBe(200);
    const { document, gaps } = draft.json();
    const section = (id: string) => document.sections.find((s: { id: string }) => s.id === id);
    expect(document.sections.map((s: { id: string }) => s.id)).toEqual([
      'summary',
      'what-changed',
      'performance',
      'exceptions',
      'health',
      'key',
    ]);
    // Framework health read from performance for the whole council: every check against the appetite.
    expect(JSON.stringify(section('health'))).toContain('Key targets projected to be achieved');
    const chart = section('summary').blocks.find((b: { kind: string }) => b.kind === 'chart');
    expect(chart.svg).toContain('<svg');
    expect(chart.table.rows.map((row: { text: string }[]) => row.map((c) => c.text))).toEqual([
      ['Green', '1', '50%'],
      ['Amber', '0', '0%'],
      ['Red', '1', '50%'],
    ]);
    const changed = section('what-changed').blocks[0].items;
    expect(changed).toEqual(
      expect.arrayContaining([
        { text: 'M1 Measure M1 moved from Green to Red.', href: `/measures/${m1}` },
        expect.objectContaining({
          text: expect.stringContaining('forecast to miss its year-end target'),
          href: `/measures/${m1}`,
        }),
      ]),
    );
    expect(JSON.stringify(section('exceptions'))).toContain('Measure M1');
    expect(JSON.stringify(section('exceptions'))).not.toContain('Measure M2');
    expect(gaps).toEqual([expect.objectContaining({ code: 'M1', missing: ['commentary', 'remedial-action'] })]);
    const bad = await viewer.api('GET', `/api/v1/report-definitions/${executiveId}/periods/2025-26-M06`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('2025-26-Q2');
  });

  it('refuses to issue while a red measure lacks commentary and a remedial action, naming each gap', async () => {
    const refused = await officer.api('POST', `/api/v1/report-definitions/${executiveId}/periods/2025-26-Q2/issue`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().errors).toEqual([
      {
        field: 'M1',
        message: expect.stringMatching(
          /M1 Measure M1 .* lacks commentary and a remedial action with an owner and a due date/,
        ),
      },
    ]);
    const page = await officer.get(`/reports/${executiveId}/periods/2025-26-Q2/gate`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Measure M1');
  });

  it('issues once the gaps are filled, freezing the document: a later change leaves revision 1 as issued', async () => {
    await db()
      .update(measureValues)
      .set({ commentary: 'Two long-term vacancies in the team' })
      .where(and(eq(measureValues.measureId, m1), eq(measureValues.periodKey, '2025-26-Q2')));
    const { planId } = await planWithItems(t);
    const [action] = await db()
      .insert(actions)
      .values({
        organisationId: t.org.id,
        planId,
        code: 'A1',
        title: 'Recruit to the vacancies',
        ownerPersonId: officer.personId,
        escalationOwnerPersonId: officer.personId,
        startDate: '2025-10-01',
        originalDueDate: '2026-01-31',
      })
      .returning();
    await db().insert(actionMeasureLinks).values({ organisationId: t.org.id, actionId: action!.id, measureId: m1 });

    const issued = await officer.api('POST', `/api/v1/report-definitions/${executiveId}/periods/2025-26-Q2/issue`);
    expect(issued.statusCode, issued.body).toBe(201);
    const reportId = issued.json().id;
    expect(issued.json().revisions).toEqual([expect.objectContaining({ revision: 1, reason: '' })]);
    const again = await officer.api('POST', `/api/v1/report-definitions/${executiveId}/periods/2025-26-Q2/issue`);
    expect(again.statusCode).toBe(409);

    const frozen = (await viewer.api('GET', `/api/v1/issued-reports/${reportId}/revisions/1`)).json();
    expect(JSON.stringify(frozen)).toContain('55.0%');
    // The figure changes after issue: the draft shows it, the issued report does not.
    await db()
      .update(measureStatuses)
      .set({ value: 58 })
      .where(and(eq(measureStatuses.measureId, m1), eq(measureStatuses.periodKey, '2025-26-Q2')));
    const draft = (await viewer.api('GET', `/api/v1/report-definitions/${executiveId}/periods/2025-26-Q2`)).json();
    expect(JSON.stringify(draft.document)).toContain('58.0%');
    expect((await viewer.api('GET', `/api/v1/issued-reports/${reportId}/revisions/1`)).json()).toEqual(frozen);
    const page = await viewer.get(`/issued-reports/${reportId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('55.0%');
    expect(page.body).not.toContain('58.0%');
    // The Word file of the issued revision is made by a background job from the frozen document: the
    // job's page links it when ready; it holds the issued figure, and the same bytes every time.
    const file = `/issued-reports/${reportId}/report.docx?revision=1`;
    expect((await viewer.get(file)).body).toContain('Prepare the Word document');
    const asked = await viewer.post(file);
    expect(asked.statusCode).toBe(303);
    const jobPath = asked.headers.location as string;
    expect(jobPath).toMatch(/^\/jobs\/[0-9a-f-]{36}$/);
    await t.deps.jobs.idle();
    const jobPage = await viewer.get(jobPath);
    expect(jobPage.body).toContain(
      'The Word document of “Quarterly performance report to the Executive”, revision 1, is ready to download',
    );
    expect(jobPage.body).toContain(`href="${file}"`);
    const word = await viewer.get(file);
    expect(word.statusCode).toBe(200);
    expect(word.headers['content-disposition']).toMatch(/attachment; filename=".+\.docx"/);
    const text = strFromU8(unzipSync(new Uint8Array(word.rawPayload))['word/document.xml']!);
    expect(text).toContain('55.0%');
    expect(text).not.toContain('58.0%');
    expect(
      (await viewer.get(`/issued-reports/${reportId}/report.docx?revision=1`)).rawPayload.equals(word.rawPayload),
    ).toBe(true);
    // Asked for again, it is ready: straight to the file, no second job.
    expect((await viewer.post(file)).headers.location).toBe(file);
    const made = await db().select().from(auditEvents).where(eq(auditEvents.entityType, 'report-file'));
    expect(made.map((e) => e.newValue)).toEqual([{ reportId, revision: 1, format: 'docx' }]);
    expect((await viewer.get(`/issued-reports/${reportId}/report.xlsx`)).body).toContain('Prepare the Excel workbook');

    // A job that cannot make its file stops, and its page says why in words.
    const asViewer = await t.deps.services.auth.principalFor(viewer.personId);
    if (asViewer?.kind !== 'person') throw new Error('the viewer is a person');
    const failing = await t.deps.jobs.enqueue(asViewer, 'report', { reportId, revision: 9, format: 'pdf' });
    await t.deps.jobs.idle();
    const failedPage = await viewer.get(`/jobs/${failing}`);
    expect(failedPage.body).toContain('Stopped');
    expect(failedPage.body).toContain('Revision 9 of the report was not found');
    expect(failedPage.body).not.toContain('See the result');

    // A correction is revision 2 with its reason; revision 1 stays as issued.
    const noReason = await officer.api('POST', `/api/v1/issued-reports/${reportId}/revisions`, { reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    const corrected = await officer.api('POST', `/api/v1/issued-reports/${reportId}/revisions`, {
      reason: 'M1 figure corrected by the service',
    });
    expect(corrected.statusCode, corrected.body).toBe(201);
    expect(corrected.json().revisions.map((r: { revision: number; reason: string }) => [r.revision, r.reason])).toEqual(
      [
        [1, ''],
        [2, 'M1 figure corrected by the service'],
      ],
    );
    expect(
      JSON.stringify((await viewer.api('GET', `/api/v1/issued-reports/${reportId}/revisions/2`)).json()),
    ).toContain('58.0%');
    expect((await viewer.api('GET', `/api/v1/issued-reports/${reportId}/revisions/1`)).json()).toEqual(frozen);
    const trail = await db().select().from(auditEvents).where(eq(auditEvents.entityId, reportId));
    expect(trail.map((e) => [e.action, e.reason])).toEqual([
      ['issue', ''],
      ['correct', 'M1 figure corrected by the service'],
    ]);
  });

  it('keeps the exception margin as the council’s setting: refused when bad, audited when changed, used by every report', async () => {
    expect((await viewer.api('GET', '/api/v1/settings/reports')).json()).toEqual({ exceptionMarginPercent: 10 });
    const bad = await officer.api('PUT', '/api/v1/settings/reports', { exceptionMarginPercent: 101 });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('The exception margin must be a whole number from 0 to 100');
    expect((await viewer.api('PUT', '/api/v1/settings/reports', { exceptionMarginPercent: 20 })).statusCode).toBe(403);
    expect(await db().select().from(reportSettings)).toEqual([]);

    const page = await officer.post('/reports/settings', { exceptionMarginPercent: '25' });
    expect(page.statusCode, page.body).toBe(302);
    expect((await viewer.api('GET', '/api/v1/settings/reports')).json()).toEqual({ exceptionMarginPercent: 25 });
    const [audit] = await db().select().from(auditEvents).where(eq(auditEvents.entityType, 'report-settings'));
    expect(audit).toMatchObject({
      action: 'update',
      oldValue: { exceptionMarginPercent: 10 },
      newValue: { exceptionMarginPercent: 25 },
    });
    const draft = (await viewer.api('GET', `/api/v1/report-definitions/${executiveId}/periods/2025-26-Q2`)).json();
    const key = draft.document.sections.find((s: { id: string }) => s.id === 'key');
    expect(JSON.stringify(key)).toContain('more than 25% of its target');
  });

  it('lists actions off track for the definition’s scope only, and money sections only for those who may see budgets', async () => {
    const [action] = await db().select().from(actions).where(eq(actions.code, 'A1'));
    await db().insert(actionUpdates).values({
      organisationId: t.org.id,
      actionId: action!.id,
      asOf: '2025-09-15',
      percentComplete: 10,
      status: 'off-track',
      derivedStatus: 'off-track',
      commentary: 'No applicants',
      byLabel: 'Pat Officer',
    });
    // A1's plan is owned by the council's top unit: in the council's report, not a service's.
    const service = await childUnit(t, 'SVC');
    const scoped = await officer.api('POST', '/api/v1/report-definitions', {
      title: 'Service report',
      audience: 'leadership',
      scopeKind: 'directorate',
      scopeId: service,
      cadence: 'quarterly',
      sections: ['actions', 'key'],
    });
    expect(scoped.statusCode, scoped.body).toBe(201);
    const sectionsOf = async (agent: Agent, id: string) =>
      (await agent.api('GET', `/api/v1/report-definitions/${id}/periods/2025-26-Q2`)).json().document.sections as {
        id: string;
      }[];
    expect((await sectionsOf(viewer, scoped.json().id)).map((s) => s.id)).toEqual(['key']);
    // Projects in the council: one with a milestone late at the period's end, one whose milestone
    // falls after it, one closed (never listed).
    const [late, onTrack, closed] = await db()
      .insert(projects)
      .values(
        (['P1', 'P2', 'P3'] as const).map((code, index) => ({
          organisationId: t.org.id,
          code,
          title: ['New depot', 'Library refit', 'Old scheme'][index]!,
          sponsorPersonId: officer.personId,
          managerPersonId: officer.personId,
          startDate: '2025-04-01',
          endDate: '2026-03-31',
          status: code === 'P3' ? ('closed' as const) : ('active' as const),
        })),
      )
      .returning();
    await db()
      .insert(projectMilestones)
      .values([
        { organisationId: t.org.id, projectId: late!.id, title: 'Planning consent', dueDate: '2025-08-01' },
        { organisationId: t.org.id, projectId: onTrack!.id, title: 'Shelving', dueDate: '2025-12-01' },
        { organisationId: t.org.id, projectId: closed!.id, title: 'Never done', dueDate: '2025-05-01' },
      ]);
    const council = await sectionsOf(viewer, executiveId);
    const offTrack = JSON.stringify(council.find((s) => s.id === 'actions'));
    expect(offTrack).toContain('A1');
    expect(offTrack).toContain('Projects off track');
    expect(offTrack).toContain(`/projects/${late!.id}`);
    expect(offTrack).toContain('1 milestone late (due 1 August 2025)');
    expect(offTrack).toContain('31 March 2026');
    expect(offTrack).not.toContain('Library refit');
    expect(offTrack).not.toContain('Old scheme');
    // In the report for the period before, the milestone was not yet due: no project is listed.
    const earlier = await viewer.api('GET', `/api/v1/report-definitions/${executiveId}/periods/2025-26-Q1`);
    expect(JSON.stringify(earlier.json().document)).not.toContain('New depot');

    // Borrowing figures for 2025/26: the officer (who may see budgets) gets the section, the viewer not.
    await db().insert(borrowingYears).values({
      organisationId: t.org.id,
      startYear: 2025,
      capitalFinancingRequirement: 300_000_000_00,
      externalBorrowing: 200_000_000_00,
      operationalBoundary: 250_000_000_00,
      authorisedLimit: 280_000_000_00,
    });
    const officers = await sectionsOf(officer, executiveId);
    expect(officers.map((s) => s.id)).toContain('borrowing');
    expect(officers.map((s) => s.id)).not.toContain('capital');
    expect(JSON.stringify(officers.find((s) => s.id === 'borrowing'))).toContain('£50,000,000.00');
    expect(council.map((s) => s.id)).not.toContain('borrowing');
  });

  it('assesses framework health at the end of the report’s period, not today', async () => {
    const health = async (period: string) => {
      const draft = (await viewer.api('GET', `/api/v1/report-definitions/${executiveId}/periods/${period}`)).json();
      return JSON.stringify(draft.document.sections.find((s: { id: string }) => s.id === 'health'));
    };
    const todays = async (id: string) => {
      const view = (await viewer.api('GET', '/api/v1/performance/health')).json();
      const council = view.units.find((u: { unitId: string | null }) => u.unitId === null);
      return council.indicators.find((i: { id: string }) => i.id === id);
    };
    // M1's Q2 figure was entered on 3 October, by its due date (15 working days after the quarter);
    // M2's only on 10 November, after it. Both are in today; at the end of Q2 only M1's counts.
    const entered = (measureId: string, at: string) =>
      db()
        .update(measureValues)
        .set({ createdAt: new Date(at) })
        .where(and(eq(measureValues.measureId, measureId), eq(measureValues.periodKey, '2025-26-Q2')));
    await entered(m1, '2025-10-03T09:00:00Z');
    await entered(m2, '2025-11-10T09:00:00Z');
    // An objective of a plan in force, delivered by one action: 10% done when September ended (off
    // track), 60% by an update entered in October (on track today).
    const { planId, itemIds } = await planWithItems(t, t.org, 'approved');
    const [action] = await db()
      .insert(actions)
      .values({
        organisationId: t.org.id,
        planId,
        code: 'A9',
        title: 'Open the new day centre',
        ownerPersonId: officer.personId,
        escalationOwnerPersonId: officer.personId,
        startDate: '2025-04-01',
        originalDueDate: '2026-03-31',
        // As the October update left it.
        percentComplete: 60,
        createdAt: new Date('2025-04-01T09:00:00Z'),
      })
      .returning();
    await db().insert(actionItemLinks).values({ organisationId: t.org.id, actionId: action!.id, itemId: itemIds[0] });
    const update = (at: string, percentComplete: number, status: 'off-track' | 'on-track') => ({
      organisationId: t.org.id,
      actionId: action!.id,
      asOf: at.slice(0, 10),
      percentComplete,
      status,
      derivedStatus: status,
      commentary: 'Progress',
      byLabel: 'Pat Officer',
      at: new Date(at),
    });
    await db()
      .insert(actionUpdates)
      .values([update('2025-09-20T09:00:00Z', 10, 'off-track'), update('2025-10-15T09:00:00Z', 60, 'on-track')]);

    const now = await health('2025-26-Q2');
    expect(now).toContain('Assessed on 30 September 2025');
    expect(now).toContain('"Data available for monthly tracking"},{"text":"1 of 2"');
    expect(now).toContain('"Plan objectives on target"},{"text":"0 of 1"');
    expect(await todays('data-available')).toMatchObject({ met: 2, total: 2 });
    expect(await todays('objectives-on-target')).toMatchObject({ met: 1, total: 1 });
    const then = await health('2023-24-Q4');
    expect(then).toContain('Assessed on 31 March 2024');
    expect(then).toContain('"Data available for monthly tracking"},{"text":"0 of 2"');
  });

  it('lists the partnership measures and the priorities delivered through partnership, with the partners', async () => {
    await db().update(measures).set({ measureType: 'partnership' }).where(eq(measures.id, m2));
    const { itemIds } = await planWithItems(t, t.org, 'approved');
    const [partner] = await db()
      .insert(partners)
      .values({ organisationId: t.org.id, name: 'Vale Health Trust', kind: 'nhs' })
      .returning();
    await db()
      .insert(planItemPartners)
      .values({ organisationId: t.org.id, itemId: itemIds[0], partnerId: partner!.id });
    await db().insert(measureItemLinks).values({ organisationId: t.org.id, measureId: m2, itemId: itemIds[0] });
    const created = await officer.api('POST', '/api/v1/report-definitions', {
      title: 'Partnership report',
      audience: 'panel',
      scopeKind: 'council',
      scopeId: null,
      cadence: 'quarterly',
      sections: ['partnerships'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const draft = (
      await viewer.api('GET', `/api/v1/report-definitions/${created.json().id}/periods/2025-26-Q2`)
    ).json();
    const section = draft.document.sections.find((s: { id: string }) => s.id === 'partnerships');
    const tables = section.blocks.filter((b: { kind: string }) => b.kind === 'table');
    const texts = (table: { rows: { text: string }[][] }) => table.rows.map((row) => row.map((c) => c.text));
    expect(tables.map((table: { caption: string }) => table.caption)).toEqual([
      'Partnership measures',
      'Priorities delivered through partnership',
    ]);
    expect(texts(tables[0])).toEqual([
      ['M2', 'Measure M2', expect.any(String), expect.any(String), expect.any(String), 'Green', expect.any(String), ''],
    ]);
    expect(texts(tables[1])).toEqual([
      ['OBJ-1 People live independently', 'Vale Health Trust', expect.stringContaining('1 green')],
    ]);
    expect(tables[1].rows[0][0].href).toBe(`/items/${itemIds[0]}`);
  });

  it('refuses another council’s definitions and reports as not found', async () => {
    const other = await t.createOrganisation('Other council');
    const stranger = await t.as('performance-officer', { organisation: other });
    expect((await stranger.api('GET', `/api/v1/report-definitions/${executiveId}`)).statusCode).toBe(404);
    expect((await stranger.api('GET', `/api/v1/report-definitions/${executiveId}/periods/2025-26-Q2`)).statusCode).toBe(
      404,
    );
    expect(
      (await stranger.api('POST', `/api/v1/report-definitions/${executiveId}/periods/2025-26-Q2/issue`)).statusCode,
    ).toBe(404);
    expect((await stranger.get(`/reports/${executiveId}`)).statusCode).toBe(404);
  });
});
