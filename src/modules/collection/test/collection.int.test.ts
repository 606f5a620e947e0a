import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, measureStatuses, measureValueEvents, measureValues, periodLocks } from '../../../schema.ts';
import { measureBody } from '../../../../test/helpers/measure-fixtures.ts';
import { createTestApp, DATABASES, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';

// "Today" is 20 November 2025: 2025/26 Q2 (July to September) is being reported on.
const today = new Date('2025-11-20T10:00:00Z');

describe.each(DATABASES)('data collection on %s', (kind) => {
  let t: TestApp;
  let officer: Agent;
  let enterer: Agent;
  let verifier: Agent;
  let director: Agent;
  let manager: Agent;
  let measureId: string;
  let counter = 0;

  const db = () => t.deps.database.db;
  const counts = async () => {
    const [events] = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(measureValueEvents);
    const [audit] = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents);
    const [values] = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(measureValues);
    return { events: events!.n, audit: audit!.n, values: values!.n };
  };

  /** A measure owned by the officer, with the enterer assigned, the verifier named and a target of 70%. */
  async function newMeasure(overrides: Record<string, unknown> = {}): Promise<string> {
    counter += 1;
    const created = await officer.api(
      'POST',
      '/api/v1/measures',
      measureBody({ code: `COL-${counter}`, verifierPersonId: verifier.personId, ...overrides }),
    );
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect(
      (await officer.api('POST', `/api/v1/measures/${id}/assignees`, { personId: enterer.personId })).statusCode,
    ).toBeLessThan(300);
    if ((overrides.polarity ?? 'higher-is-better') !== 'none') {
      const target = await officer.api('POST', `/api/v1/measures/${id}/targets`, {
        kind: 'annual',
        financialYear: '2025-26',
        value: 70,
      });
      expect(target.statusCode).toBe(201);
    }
    return id;
  }

  const put = (agent: Agent, id: string, period: string, body: Record<string, unknown>) =>
    agent.api('PUT', `/api/v1/measures/${id}/values/${period}`, body);
  const transition = (agent: Agent, valueId: string, action: string, reason = '') =>
    agent.api('POST', `/api/v1/values/${valueId}/transitions`, { action, reason });

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: () => today });
    officer = await t.as('performance-officer');
    enterer = await t.as('data-entry');
    verifier = await t.as('viewer');
    director = await t.as('director');
    manager = await t.as('manager');
    measureId = await newMeasure();
  });
  afterAll(async () => t?.close());

  it('takes a value through draft, submit, verify, return, resubmit, approve and reopen', async () => {
    const draft = await put(enterer, measureId, '2025-26-Q2', {
      value: 72.5,
      commentary: 'Ahead of plan',
      quality: 'provisional',
    });
    expect(draft.statusCode).toBe(200);
    expect(draft.json()).toMatchObject({ value: 72.5, status: 'draft', quality: 'provisional', rowVersion: 1 });
    const valueId = draft.json().id as string;

    const submitted = await put(enterer, measureId, '2025-26-Q2', {
      value: 72.5,
      commentary: 'Ahead of plan',
      action: 'submit',
      rowVersion: 1,
    });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', rowVersion: 2 });

    // The person who entered it cannot verify it; the named verifier can.
    expect((await transition(enterer, valueId, 'verify')).statusCode).toBe(403);
    expect((await transition(verifier, valueId, 'verify')).json()).toMatchObject({ status: 'verified' });

    // Returning needs a reason.
    const noReason = await transition(verifier, valueId, 'return');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].field).toBe('reason');
    const returned = await transition(
      verifier,
      valueId,
      'return',
      'The figure excludes September: check with the service',
    );
    expect(returned.json()).toMatchObject({ status: 'returned' });

    const resubmitted = await put(enterer, measureId, '2025-26-Q2', {
      value: 71.2,
      commentary: 'Now includes September',
      action: 'submit',
      rowVersion: returned.json().rowVersion,
    });
    expect(resubmitted.json()).toMatchObject({ status: 'submitted', value: 71.2 });
    expect((await transition(verifier, valueId, 'verify')).statusCode).toBe(200);
    // A manager may verify but not approve; a director approves.
    expect((await transition(manager, valueId, 'approve')).statusCode).toBe(403);
    const approved = await transition(director, valueId, 'approve');
    expect(approved.json()).toMatchObject({ status: 'approved' });

    // The period is locked: a later edit is refused and writes nothing.
    const before = await counts();
    const edit = await put(enterer, measureId, '2025-26-Q2', {
      value: 60,
      commentary: 'x',
      rowVersion: approved.json().rowVersion,
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().detail).toContain('locked after approval');
    expect(await counts()).toEqual(before);

    // Only a performance officer reopens, and only with a reason.
    expect((await transition(director, valueId, 'reopen', 'Correction')).statusCode).toBe(403);
    expect((await transition(officer, valueId, 'reopen')).statusCode).toBe(400);
    const reopened = await transition(officer, valueId, 'reopen', 'The service found a late case');
    expect(reopened.json()).toMatchObject({ status: 'draft' });
    const [lock] = await db().select().from(periodLocks).where(eq(periodLocks.measureId, measureId));
    expect(lock).toMatchObject({ reopenedBy: officer.personId, reopenReason: 'The service found a late case' });
    const edited = await put(enterer, measureId, '2025-26-Q2', {
      value: 71.4,
      commentary: 'With the late case',
      rowVersion: reopened.json().rowVersion,
    });
    expect(edited.statusCode).toBe(200);

    // Every change is in the value's history and the audit trail.
    const events = await db()
      .select()
      .from(measureValueEvents)
      .where(eq(measureValueEvents.valueId, valueId))
      .orderBy(measureValueEvents.id);
    expect(events.map((event) => event.action)).toEqual([
      'create',
      'submit',
      'verify',
      'return',
      'submit',
      'verify',
      'approve',
      'reopen',
      'edit',
    ]);
    expect(events.find((event) => event.action === 'return')).toMatchObject({
      fromStatus: 'verified',
      toStatus: 'returned',
      actorPersonId: verifier.personId,
      reason: 'The figure excludes September: check with the service',
    });
    expect(
      events.find((event) => event.action === 'submit' && (event.newValue as { value: number }).value === 71.2),
    ).toMatchObject({
      oldValue: { value: 72.5, commentary: 'Ahead of plan' },
    });
    const audit = await db().select().from(auditEvents).where(eq(auditEvents.entityId, valueId));
    expect(audit.map((row) => row.action).sort()).toEqual(events.map((event) => event.action).sort());
    expect(audit.find((row) => row.action === 'reopen')?.reason).toBe('The service found a late case');

    // The history through the API, newest first, for this period only.
    const detail = await enterer.api('GET', `/api/v1/measures/${measureId}/values/2025-26-Q2`);
    expect(detail.json().events).toHaveLength(9);
    expect(detail.json().actions).toEqual(['save', 'submit']);
  });

  it('stores the recomputed status from official figures only: a draft or a submitted value changes nothing until verified', async () => {
    const id = await newMeasure();
    const statusOf = async () => {
      const [status] = await db()
        .select()
        .from(measureStatuses)
        .where(and(eq(measureStatuses.measureId, id), eq(measureStatuses.periodKey, '2025-26-Q2')));
      return status;
    };
    const saved = await put(enterer, id, '2025-26-Q2', { value: 80, commentary: '' });
    expect(saved.statusCode).toBe(200);
    expect(await statusOf()).toMatchObject({ value: null });
    const submitted = await put(enterer, id, '2025-26-Q2', {
      value: 80,
      commentary: '',
      rowVersion: 1,
      action: 'submit',
    });
    expect(submitted.statusCode).toBe(200);
    expect(await statusOf()).toMatchObject({ value: null });
    expect((await transition(verifier, submitted.json().id, 'verify')).statusCode).toBe(200);
    expect(await statusOf()).toMatchObject({ value: 80, targetValue: 70, rag: 'green' });
    // Returned for correction, the figure stops counting until it is verified again.
    expect((await transition(verifier, submitted.json().id, 'return', 'Check the count')).statusCode).toBe(200);
    expect(await statusOf()).toMatchObject({ value: null });
  });

  it('counts submitted figures as official when the council chooses so', async () => {
    const id = await newMeasure();
    const admin = await t.as('administrator');
    const current = (await admin.api('GET', '/api/v1/settings/performance')).json();
    const { isDefault: _d, updatedAt: _u, updatedBy: _b, words: _w, ...settings } = current;
    const changed = await admin.api('PUT', '/api/v1/settings/performance', { ...settings, officialFrom: 'submitted' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().officialFrom).toBe('submitted');
    const submitted = await put(enterer, id, '2025-26-Q2', {
      value: 50,
      commentary: 'Two staff vacancies in the quarter',
      action: 'submit',
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().status).toBe('submitted');
    const [status] = await db()
      .select()
      .from(measureStatuses)
      .where(and(eq(measureStatuses.measureId, id), eq(measureStatuses.periodKey, '2025-26-Q2')));
    expect(status).toMatchObject({ value: 50, rag: 'red' });
  });

  it('refuses bad figures with 400 naming the field, writing nothing', async () => {
    const count = await newMeasure({ code: 'COUNT-1', unit: 'number', decimalPlaces: 0, aggregation: 'sum' });
    const ratio = await newMeasure({
      code: 'RATIO-1',
      aggregation: 'ratio',
      numeratorLabel: 'Households prevented',
      denominatorLabel: 'Households approaching',
    });
    const before = await counts();
    const cases: [string, string, Record<string, unknown>, string, string][] = [
      [measureId, '2025-26-Q1', { value: 140 }, 'value', 'between 0% and 100%'],
      [count, '2025-26-Q1', { value: -3 }, 'value', 'cannot be negative'],
      [ratio, '2025-26-Q1', { numerator: 5, denominator: 0 }, 'denominator', 'cannot be 0'],
      [measureId, '2025-26-Q1', { value: 'seventy' }, 'value', 'must be a number'],
      [measureId, '2025-26-Q5', { value: 70 }, 'periodKey', 'quarters run Q1 to Q4'],
      [measureId, '2025-26-M04', { value: 70 }, 'periodKey', 'this measure is quarterly'],
      [count, '2025-26-Q1', { value: 12.5 }, 'value', 'whole number'],
      [measureId, '2025-26-Q1', { value: 70, evidenceUrl: 'not a link' }, 'evidenceUrl', 'full web address'],
      [measureId, '2025-26-Q1', { value: 70, quality: 'guessed' }, 'quality', 'estimated, provisional or final'],
    ];
    for (const [id, period, body, field, words] of cases) {
      const response = await put(enterer, id, period, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      const problem = response.json();
      expect(problem.errors?.[0]?.field ?? problem.detail, JSON.stringify(body)).toBe(field);
      expect(problem.detail).toContain(words);
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses a value for a retired measure, writing nothing', async () => {
    const id = await newMeasure();
    expect(
      (await officer.api('POST', `/api/v1/measures/${id}/retire`, { reason: 'Replaced by a national measure' }))
        .statusCode,
    ).toBe(200);
    const before = await counts();
    const response = await put(enterer, id, '2025-26-Q2', { value: 70 });
    // A retired measure is a state, not a typing mistake: 409, with the reason in words.
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'invalid_state' });
    expect(response.json().detail).toContain('is retired: it takes no new values');
    expect(await counts()).toEqual(before);
  });

  it('gives the second of two people saving the same value a conflict showing both versions', async () => {
    const id = await newMeasure();
    const colleague = await t.as('data-entry');
    await officer.api('POST', `/api/v1/measures/${id}/assignees`, { personId: colleague.personId });
    const first = await put(enterer, id, '2025-26-Q2', { value: 68, commentary: 'First draft' });
    const version = first.json().rowVersion as number;
    // Both open version 1; the colleague saves first.
    expect(
      (await put(colleague, id, '2025-26-Q2', { value: 69.5, commentary: 'Checked with finance', rowVersion: version }))
        .statusCode,
    ).toBe(200);
    const before = await counts();
    const stale = await put(enterer, id, '2025-26-Q2', { value: 66, commentary: 'My correction', rowVersion: version });
    expect(stale.statusCode).toBe(409);
    const detail = stale.json().detail as string;
    expect(stale.json().code).toBe('conflict');
    expect(detail).toContain('69.5%');
    expect(detail).toContain('Checked with finance');
    expect(detail).toContain('66.0%');
    expect(detail).toContain('My correction');
    expect(await counts()).toEqual(before);
    // Without the version at all, a stored value is never overwritten either.
    const blind = await put(enterer, id, '2025-26-Q2', { value: 66, commentary: 'Blind' });
    expect(blind.statusCode).toBe(409);
    const [stored] = await db().select().from(measureValues).where(eq(measureValues.measureId, id));
    expect(stored).toMatchObject({ value: 69.5, commentary: 'Checked with finance', rowVersion: 2 });
  });

  it('refuses an off-target submission without commentary, but saves it as a draft', async () => {
    const id = await newMeasure();
    const before = await counts();
    const refused = await put(enterer, id, '2025-26-Q2', { value: 55, action: 'submit' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ field: 'commentary' });
    expect(refused.json().detail).toContain('Add commentary explaining the performance');
    expect(await counts()).toEqual(before);
    const draft = await put(enterer, id, '2025-26-Q2', { value: 55 });
    expect(draft.json().status).toBe('draft');
    const explained = await put(enterer, id, '2025-26-Q2', {
      value: 55,
      action: 'submit',
      commentary: 'Two staff vacancies; recruitment under way',
      rowVersion: draft.json().rowVersion,
    });
    expect(explained.json().status).toBe('submitted');
    // On target, no commentary is needed.
    const other = await newMeasure();
    expect((await put(enterer, other, '2025-26-Q2', { value: 75, action: 'submit' })).json().status).toBe('submitted');
  });

  it('lets only people with a part in the measure enter values', async () => {
    const id = await newMeasure();
    const stranger = await t.as('viewer');
    const response = await put(stranger, id, '2025-26-Q2', { value: 70 });
    expect(response.statusCode).toBe(403);
    const otherOrg = await t.createOrganisation('Elsewhere District Council');
    const outsider = await t.as('performance-officer', { organisation: otherOrg });
    expect((await put(outsider, id, '2025-26-Q2', { value: 70 })).statusCode).toBe(404);
    expect((await outsider.api('GET', `/api/v1/measures/${id}/values/2025-26-Q2`)).statusCode).toBe(404);
  });
});
