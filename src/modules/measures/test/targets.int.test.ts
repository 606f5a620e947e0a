import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, measureTargets } from '../../../schema.ts';
import { measureBody } from '../../../../test/helpers/measure-fixtures.ts';
import { createTestApp, DATABASES, type TestApp } from '../../../../test/helpers/test-app.ts';

describe.each(DATABASES)('measure targets on %s', (kind) => {
  let t: TestApp;
  let now = new Date('2025-03-01T10:00:00Z');
  beforeAll(async () => {
    t = await createTestApp(kind, { clock: () => now });
  });
  afterAll(async () => t?.close());

  const db = () => t.deps.database.db;
  const counts = async () => {
    const [audit] = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents);
    const [targets] = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(measureTargets);
    return { audit: audit!.n, targets: targets!.n };
  };

  it('revising a target keeps the old version; the target on a past date is the old one', async () => {
    const officer = await t.as('performance-officer');
    const { id } = (await officer.api('POST', '/api/v1/measures', measureBody({ code: 'T-1' }))).json();
    now = new Date('2025-03-01T10:00:00Z');
    const set = await officer.api('POST', `/api/v1/measures/${id}/targets`, {
      kind: 'annual',
      financialYear: '2025-26',
      value: 70,
    });
    expect(set.statusCode).toBe(201);
    expect(set.json()).toMatchObject({ value: 70, effectiveFrom: '2025-04-01', supersededAt: null });

    now = new Date('2025-09-15T10:00:00Z');
    const later = await t.as('performance-officer'); // the first session has expired by September
    const noReason = await later.api('POST', `/api/v1/measures/${id}/targets/${set.json().id}/revisions`, {
      value: 75,
      reason: '',
    });
    expect(noReason.statusCode).toBe(400);
    const revised = await later.api('POST', `/api/v1/measures/${id}/targets/${set.json().id}/revisions`, {
      value: 75,
      effectiveFrom: '2025-10-01',
      reason: 'Cabinet raised the ambition at mid-year review',
    });
    expect(revised.statusCode).toBe(201);
    expect(revised.json()).toMatchObject({
      value: 75,
      effectiveFrom: '2025-10-01',
      reason: 'Cabinet raised the ambition at mid-year review',
    });

    const all = (await later.api('GET', `/api/v1/measures/${id}/targets`)).json();
    expect(all).toHaveLength(2);
    const old = all.find((x: { id: string }) => x.id === set.json().id);
    expect(old).toMatchObject({ value: 70, supersededBy: revised.json().id });
    expect(old.supersededAt).not.toBeNull();

    const june = (await later.api('GET', `/api/v1/measures/${id}/targets?on=2025-06-30`)).json();
    expect(june.map((x: { value: number }) => x.value)).toEqual([70]);
    const december = (await later.api('GET', `/api/v1/measures/${id}/targets?on=2025-12-31`)).json();
    expect(december.map((x: { value: number }) => x.value)).toEqual([75]);

    const audit = await db().select().from(auditEvents).where(eq(auditEvents.entityId, revised.json().id));
    expect(audit).toMatchObject([
      {
        action: 'revise',
        oldValue: { value: 70 },
        newValue: { value: 75 },
        reason: 'Cabinet raised the ambition at mid-year review',
      },
    ]);

    // The superseded version cannot be revised again, and nothing is written.
    const before = await counts();
    const stale = await later.api('POST', `/api/v1/measures/${id}/targets/${set.json().id}/revisions`, {
      value: 80,
      reason: 'again',
    });
    expect(stale.statusCode).toBe(409);
    expect(await counts()).toEqual(before);
  });

  it('the database refuses to overwrite or delete a target version', async () => {
    const officer = await t.as('performance-officer');
    const { id } = (await officer.api('POST', '/api/v1/measures', measureBody({ code: 'T-2' }))).json();
    const set = (
      await officer.api('POST', `/api/v1/measures/${id}/targets`, {
        kind: 'annual',
        financialYear: '2025-26',
        value: 60,
      })
    ).json();
    await expect(db().update(measureTargets).set({ value: 99 }).where(eq(measureTargets.id, set.id))).rejects.toThrow();
    await expect(db().delete(measureTargets).where(eq(measureTargets.id, set.id))).rejects.toThrow();
    const [row] = await db().select().from(measureTargets).where(eq(measureTargets.id, set.id));
    expect(row!.value).toBe(60);
  });

  it('refuses a target for a retired measure, a second current target, bad figures and periods — writing nothing', async () => {
    const officer = await t.as('performance-officer');
    const { id } = (await officer.api('POST', '/api/v1/measures', measureBody({ code: 'T-3' }))).json();
    await officer.api('POST', `/api/v1/measures/${id}/targets`, {
      kind: 'annual',
      financialYear: '2025-26',
      value: 50,
    });
    const before = await counts();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ kind: 'annual', financialYear: '2025-26', value: 55 }, 409, 'revise it instead'],
      [{ kind: 'annual', financialYear: '2026-27', value: 140 }, 400, 'The target cannot be above 100%'],
      [
        { kind: 'profile', financialYear: '2025-26', periodKey: '2025-26-M02', value: 40 },
        400,
        '2025-26-M02 is a monthly period but this measure is quarterly',
      ],
      [{ kind: 'annual', financialYear: '2025-26', value: 'lots' }, 400, 'Target must be a number'],
      [
        { kind: 'annual', financialYear: '2026-27', lower: 10, upper: 20 },
        400,
        'Only a within-range measure has a target range',
      ],
    ];
    for (const [body, status, message] of cases) {
      const response = await officer.api('POST', `/api/v1/measures/${id}/targets`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(status);
      expect(response.json().detail).toContain(message);
    }
    expect(await counts()).toEqual(before);

    await officer.api('POST', `/api/v1/measures/${id}/retire`, { reason: 'No longer collected' });
    const afterRetire = await counts();
    const retired = await officer.api('POST', `/api/v1/measures/${id}/targets`, {
      kind: 'annual',
      financialYear: '2026-27',
      value: 60,
    });
    expect(retired.statusCode).toBe(409);
    expect(retired.json().detail).toBe('T-3 is retired: it cannot be given new targets');
    expect(await counts()).toEqual(afterRetire);
  });

  it('a within-range measure takes a range with lower ≤ upper, and profiles for its periods', async () => {
    const officer = await t.as('performance-officer');
    const { id } = (
      await officer.api(
        'POST',
        '/api/v1/measures',
        measureBody({ code: 'T-4', polarity: 'within-range', unit: 'days', decimalPlaces: 0 }),
      )
    ).json();
    const bad = await officer.api('POST', `/api/v1/measures/${id}/targets`, {
      kind: 'annual',
      financialYear: '2025-26',
      lower: 20,
      upper: 10,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      { field: 'upper', message: 'The upper end (10) must not be below the lower end (20)' },
    ]);
    const good = await officer.api('POST', `/api/v1/measures/${id}/targets`, {
      kind: 'profile',
      financialYear: '2025-26',
      periodKey: '2025-26-Q3',
      lower: 10,
      upper: 20,
    });
    expect(good.statusCode).toBe(201);
    expect(good.json()).toMatchObject({ value: null, lower: 10, upper: 20, periodKey: '2025-26-Q3' });
  });
});
