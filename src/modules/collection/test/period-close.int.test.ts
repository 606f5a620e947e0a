/**
 * Period close: a performance officer closes a period for the whole council; value entry (page and
 * API), every sign-off transition and value imports then refuse changes in it, naming the period,
 * and write nothing; reopening needs a reason; both are audited and kept as history.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  measureTargets,
  measureValueEvents,
  measureValues,
  periodClosures,
  units,
} from '../../../schema.ts';
import { measureBody } from '../../../../test/helpers/measure-fixtures.ts';
import type { Caller } from '../../../platform/services/caller.ts';
import { sayStored } from '../../../platform/words/index.ts';
import { createTestApp, DATABASES, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';

// "Today" is 20 November 2026: 2026/27 Q2 (July to September) has been reported.
const today = new Date('2026-11-20T10:00:00Z');
const Q2_CLOSED = '2026/27 Q2 is closed: a performance officer must reopen it, giving a reason.';

describe.each(DATABASES)('period close on %s', (kind) => {
  let t: TestApp;
  let officer: Agent;
  let enterer: Agent;
  let verifier: Agent;
  let quarterly: string;
  let monthly: string;

  const db = () => t.deps.database.db;
  const counts = async () => {
    const n = async (
      table: typeof measureValues | typeof measureValueEvents | typeof auditEvents | typeof periodClosures,
    ) =>
      (
        await db()
          .select({ n: sql<number>`count(*)::int` })
          .from(table)
      )[0]!.n;
    return {
      values: await n(measureValues),
      events: await n(measureValueEvents),
      audit: await n(auditEvents),
      closures: await n(periodClosures),
    };
  };
  const put = (agent: Agent, id: string, period: string, body: Record<string, unknown>) =>
    agent.api('PUT', `/api/v1/measures/${id}/values/${period}`, body);
  const closeApi = (agent: Agent, periodKey: string) => agent.api('POST', '/api/v1/period-closures', { periodKey });
  const reopenApi = (agent: Agent, periodKey: string, reason: string) =>
    agent.api('POST', `/api/v1/period-closures/${periodKey}/reopen`, { reason });

  async function newMeasure(code: string, frequency: string): Promise<string> {
    const created = await officer.api(
      'POST',
      '/api/v1/measures',
      measureBody({ code, frequency, polarity: 'none', verifierPersonId: verifier.personId }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: string }>().id;
    await officer.api('POST', `/api/v1/measures/${id}/assignees`, { personId: enterer.personId });
    return id;
  }

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: () => today });
    officer = await t.as('performance-officer');
    enterer = await t.as('data-entry');
    verifier = await t.as('viewer');
    quarterly = await newMeasure('PC-Q', 'quarterly');
    monthly = await newMeasure('PC-M', 'monthly');
  });
  afterAll(async () => t?.close());

  it('closes a quarter and its months: entry, sign-off and imports are refused, nothing is written', async () => {
    const submitted = await put(enterer, quarterly, '2026-27-Q2', { value: 50, action: 'submit' });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const valueId = submitted.json<{ id: string }>().id;

    const closed = await closeApi(officer, '2026-27-Q2');
    expect(closed.statusCode, closed.body).toBe(201);
    expect(closed.json()).toMatchObject({ periodKey: '2026-27-Q2', frequency: 'quarterly', open: true });
    const [closeAudit] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'period-closure'), eq(auditEvents.action, 'close')));
    expect(closeAudit).toMatchObject({ entityId: '2026-27-Q2', actorPersonId: officer.personId });

    const before = await counts();
    const entry = await put(enterer, quarterly, '2026-27-Q2', { value: 51, rowVersion: 2 });
    expect(entry.statusCode).toBe(409);
    expect(entry.headers['content-type']).toContain('application/problem+json');
    expect(entry.json().detail).toBe(Q2_CLOSED);

    const month = await put(enterer, monthly, '2026-27-M05', { value: 7 });
    expect(month.statusCode).toBe(409);
    expect(month.json().detail).toBe(Q2_CLOSED);

    const verify = await verifier.api('POST', `/api/v1/values/${valueId}/transitions`, { action: 'verify' });
    expect(verify.statusCode).toBe(409);
    expect(verify.json().detail).toBe(Q2_CLOSED);

    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/values',
      headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': 'text/csv' },
      payload: ['measureCode,periodKey,value', 'PC-M,2026-27-M03,5', 'PC-M,2026-27-M06,6'].join('\n'),
    });
    expect(imported.statusCode, imported.body).toBe(400);
    expect(imported.json().errors).toEqual([{ field: 'line 3, periodKey', message: Q2_CLOSED }]);
    expect(await counts()).toEqual(before);

    // A month outside the closed quarter is open.
    expect((await put(enterer, monthly, '2026-27-M07', { value: 8 })).statusCode).toBe(200);
  });

  it('refuses closing a period twice, one inside a closed one, or one not ended; reopening needs a reason', async () => {
    const before = await counts();
    const twice = await closeApi(officer, '2026-27-Q2');
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toBe('2026/27 Q2 is already closed');
    const inside = await closeApi(officer, '2026-27-M04');
    expect(inside.json().detail).toBe('July 2026 is closed because 2026/27 Q2 is closed: reopen 2026/27 Q2 instead');
    const notEnded = await closeApi(officer, '2026-27-Q3');
    expect(notEnded.statusCode).toBe(409);
    expect(notEnded.json().detail).toBe('2026/27 Q3 has not ended yet: close it once it has been reported');
    const noReason = await reopenApi(officer, '2026-27-Q2', '  ');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ errors: [{ field: 'reason' }] });
    const reopenMonth = await reopenApi(officer, '2026-27-M05', 'A correction');
    expect(reopenMonth.statusCode).toBe(409);
    expect(await counts()).toEqual(before);
  });

  it('refuses an imported target of a closed period by line and column, writing nothing', async () => {
    const created = await officer.api(
      'POST',
      '/api/v1/measures',
      measureBody({ code: 'PC-T', frequency: 'quarterly' }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const before = await counts();
    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/targets',
      headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': 'text/csv' },
      payload: [
        'measureCode,kind,financialYear,periodKey,value',
        'PC-T,profile,2026-27,2026-27-Q1,60',
        'PC-T,profile,2026-27,2026-27-Q2,65',
      ].join('\n'),
    });
    expect(imported.statusCode, imported.body).toBe(400);
    expect(imported.json().errors).toEqual([{ field: 'line 3, periodKey', message: Q2_CLOSED }]);
    expect(await counts()).toEqual(before);
  });

  it('refuses setting or revising a target of a closed period on the API, writing nothing', async () => {
    const created = await officer.api(
      'POST',
      '/api/v1/measures',
      measureBody({ code: 'PC-TA', frequency: 'quarterly' }),
    );
    const id = created.json<{ id: string }>().id;
    const target = (periodKey: string) => ({ kind: 'profile', financialYear: '2026-27', periodKey, value: 60 });
    expect((await officer.api('POST', `/api/v1/measures/${id}/targets`, target('2026-27-Q1'))).statusCode).toBe(201);
    const targetsOf = async () =>
      (await db().select().from(measureTargets).where(eq(measureTargets.measureId, id))).length;
    const before = await targetsOf();
    const refused = await officer.api('POST', `/api/v1/measures/${id}/targets`, target('2026-27-Q2'));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toBe(Q2_CLOSED);
    expect(await targetsOf()).toBe(before);
    // A target already set in the period (as before it was closed) cannot be revised either.
    const [old] = await db()
      .insert(measureTargets)
      .values({
        organisationId: t.org.id,
        measureId: id,
        kind: 'profile',
        financialYear: '2026-27',
        periodKey: '2026-27-Q2',
        value: 55,
        effectiveFrom: '2026-04-01',
      })
      .returning();
    const revision = await officer.api('POST', `/api/v1/measures/${id}/targets/${old!.id}/revisions`, {
      value: 70,
      reason: 'Raised after the quarter was reported',
    });
    expect(revision.statusCode).toBe(409);
    expect(revision.json().detail).toBe(Q2_CLOSED);
    expect(await targetsOf()).toBe(before + 1);
  });

  it('lets only council-wide performance officers close or reopen', async () => {
    const before = await counts();
    const manager = await t.as('manager');
    expect((await closeApi(manager, '2026-27-Q1')).statusCode).toBe(403);
    const [service] = await db()
      .insert(units)
      .values({ organisationId: t.org.id, code: 'SVC', name: 'A service', kind: 'service', parentId: t.org.rootUnitId })
      .returning();
    const serviceOfficer = await t.as('performance-officer', { unitId: service!.id });
    const refused = await closeApi(serviceOfficer, '2026-27-Q1');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toBe(
      'Only a performance officer or administrator for the whole council can close or reopen periods',
    );
    expect((await reopenApi(serviceOfficer, '2026-27-Q2', 'Because')).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('reopens with a reason, audited and kept as history; the value can change again', async () => {
    const reopened = await reopenApi(officer, '2026-27-Q2', 'Late correction from the service');
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ open: false, reopenReason: 'Late correction from the service' });
    const [audit] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'period-closure'), eq(auditEvents.action, 'reopen')));
    expect(audit).toMatchObject({ entityId: '2026-27-Q2', reason: 'Late correction from the service' });
    expect((await put(enterer, monthly, '2026-27-M05', { value: 7 })).statusCode).toBe(200);

    expect((await closeApi(officer, '2026-27-Q2')).statusCode).toBe(201);
    const history = await officer.api('GET', '/api/v1/period-closures');
    expect(history.statusCode).toBe(200);
    const rows = history.json<{ periodKey: string; open: boolean; reopenReason: string | null }[]>();
    expect(rows.filter((row) => row.periodKey === '2026-27-Q2').map((row) => [row.open, row.reopenReason])).toEqual([
      [true, null],
      [false, 'Late correction from the service'],
    ]);
  });

  it('on the pages: closes and reopens, and value entry shows the error summary naming the period', async () => {
    const page = await officer.get('/period-closures');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('2026/27 Q1');

    const before = await counts();
    const noReason = await officer.post('/period-closures/reopen', { periodKey: '2026-27-Q2', reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('govuk-error-summary');
    expect(noReason.body).toContain('href="#reason-2026-27-Q2"');
    expect(noReason.body).toContain('Enter the reason for reopening 2026/27 Q2');
    expect(await counts()).toEqual(before);

    const entry = await enterer.post(`/measures/${monthly}/values/2026-27-M06`, { value: '9', commentary: '' });
    expect(entry.statusCode).toBe(400);
    expect(entry.body).toContain('govuk-error-summary');
    expect(entry.body).toContain(Q2_CLOSED);
    expect(await counts()).toEqual(before);
    // The entry page says so before anyone types a figure, and offers no button to save one.
    const opened = await enterer.get(`/measures/${monthly}/values/2026-27-M06`);
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain('govuk-warning-text');
    expect(opened.body).toContain(Q2_CLOSED);
    expect(opened.body).not.toContain('value="save"');

    const closedQ1 = await officer.post('/period-closures/close', { periodKey: '2026-27-Q1' });
    expect(closedQ1.statusCode).toBe(302);
    const after = await officer.get('/period-closures');
    expect(after.body).toContain('Reason for reopening 2026/27 Q1');
    expect(after.body).toContain('Closed with 2026/27 Q1');
    const reopened = await officer.post('/period-closures/reopen', {
      periodKey: '2026-27-Q1',
      reason: 'Audit finding',
    });
    expect(reopened.statusCode).toBe(302);
  });

  it('refuses an import as a whole when a period it writes is closed between its checks and its writing', async () => {
    const caller: Caller = {
      kind: 'person',
      personId: officer.personId,
      organisationId: t.org.id,
      name: 'Performance officer',
      partnerId: null,
      grants: [{ role: 'performance-officer', unitId: null }],
    };
    const { importExport, periodClose } = t.deps.services;
    const file = Buffer.from(['measureCode,periodKey,value', 'PC-M,2026-27-M01,4', 'PC-M,2026-27-M07,9'].join('\n'));
    const before = await counts();
    // The checks pass (both months open); Q1 is closed before the writing transaction begins.
    const result = await importExport.importFile(caller, 'values', file, {
      format: 'csv',
      dryRun: false,
      afterChecks: async () => {
        expect((await periodClose.close(caller, { periodKey: '2026-27-Q1' })).ok).toBe(true);
      },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('conflict');
    // The service refuses in a stored phrase; the words a person is shown are the same.
    expect(sayStored(result.error.message)).toBe(
      'Nothing was imported: 2026/27 Q1 is closed: a performance officer must reopen it, giving a reason. It was closed while the import was being checked.',
    );
    const after = await counts();
    // Only the closure and its audit row: no value, no value event, no import audit.
    expect(after).toEqual({ ...before, audit: before.audit + 1, closures: before.closures + 1 });

    // Targets likewise: a profiled target for a quarter closed after the checks.
    const target = Buffer.from(
      ['measureCode,kind,financialYear,periodKey,value', 'PC-T,profile,2026-27,2026-27-Q3,70'].join('\n'),
    );
    const refusedTarget = await importExport.importFile(caller, 'targets', target, {
      format: 'csv',
      dryRun: false,
      afterChecks: async () => {
        await db().insert(periodClosures).values({
          organisationId: t.org.id,
          frequency: 'quarterly',
          periodKey: '2026-27-Q3',
          closedAt: today,
          closedBy: officer.personId,
        });
      },
    });
    expect(refusedTarget.ok).toBe(false);
    expect(await db().select().from(measureTargets).where(eq(measureTargets.periodKey, '2026-27-Q3'))).toEqual([]);
  });
});
