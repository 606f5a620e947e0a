/**
 * The collection rules page and API: administrators of the whole council change when data is due,
 * reminders, escalation, bank holidays and closure days; bad input is named (error summary on the
 * page, problem JSON on the API) and writes nothing; each change is audited. Ordinary reads and
 * writes: PGlite only.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, collectionRules, nonWorkingDays } from '../../../schema.ts';
import { type Agent, createTestApp, PAGE_DATABASES, type TestApp } from '../../../../test/helpers/test-app.ts';

const GOOD = {
  workingDaysAfterPeriodEnd: '10',
  reminderWorkingDaysBefore: '2',
  escalateToOwnerAfterDays: '3',
  escalateToManagerAfterDays: '8',
  holidayRegion: 'england-and-wales',
  closureDays: '2025-12-29 Christmas closure\n2025-12-30 Christmas closure',
};

describe.each(PAGE_DATABASES)('collection rules on %s', (kind) => {
  let t: TestApp;
  let admin: Agent;
  const audits = async () =>
    (await t.deps.database.db.select().from(auditEvents).where(eq(auditEvents.entityType, 'collection-rules'))).length;

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await t.as('administrator');
  });
  afterAll(async () => t?.close());

  it('shows the defaults until something is saved', async () => {
    const page = await admin.get('/collection-rules');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Nothing has been saved yet');
    const api = await admin.api('GET', '/api/v1/collection-rules');
    expect(api.json()).toMatchObject({ workingDaysAfterPeriodEnd: 15, isDefault: true, closureDays: [] });
  });

  it('names each problem on the page and writes nothing', async () => {
    const response = await admin.post('/collection-rules', {
      ...GOOD,
      workingDaysAfterPeriodEnd: 'soon',
      closureDays: 'Christmas',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('govuk-error-summary');
    expect(response.body).toContain('href="#workingDaysAfterPeriodEnd"');
    expect(response.body).toContain('Closure day on line 1');
    const order = await admin.post('/collection-rules', { ...GOOD, escalateToManagerAfterDays: '2' });
    expect(order.statusCode).toBe(400);
    expect(order.body).toContain('href="#escalateToManagerAfterDays"');
    expect(order.body).toContain('The line manager must be told later than the owner');
    expect(await audits()).toBe(0);
    expect(await t.deps.database.db.select().from(collectionRules)).toHaveLength(0);
  });

  it('saves the rules and closure days from the page, audited', async () => {
    const response = await admin.post('/collection-rules', GOOD);
    expect(response.statusCode, response.body).toBe(302);
    const api = await admin.api('GET', '/api/v1/collection-rules');
    expect(api.json()).toMatchObject({
      workingDaysAfterPeriodEnd: 10,
      reminderWorkingDaysBefore: 2,
      escalateToOwnerAfterDays: 3,
      escalateToManagerAfterDays: 8,
      isDefault: false,
      closureDays: [
        { day: '2025-12-29', name: 'Christmas closure' },
        { day: '2025-12-30', name: 'Christmas closure' },
      ],
    });
    expect(await audits()).toBe(1);
    expect((await admin.get('/collection-rules')).body).toContain('2025-12-29 Christmas closure');
  });

  it('changes them over the API, refusing bad input as problem JSON', async () => {
    const body = {
      workingDaysAfterPeriodEnd: 12,
      reminderWorkingDaysBefore: 3,
      escalateToOwnerAfterDays: 5,
      escalateToManagerAfterDays: 10,
      holidayRegion: 'england-and-wales',
      closureDays: [{ day: '2026-01-02', name: 'New year closure' }],
    };
    const bad = await admin.api('PUT', '/api/v1/collection-rules', { ...body, holidayRegion: 'atlantis' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body).toContain('Select whose bank holidays apply');
    const twice = await admin.api('PUT', '/api/v1/collection-rules', {
      ...body,
      closureDays: [body.closureDays[0], body.closureDays[0]],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain('2026-01-02 is listed twice');
    expect(await audits()).toBe(1);

    const good = await admin.api('PUT', '/api/v1/collection-rules', body);
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toMatchObject({ workingDaysAfterPeriodEnd: 12, closureDays: body.closureDays });
    const closures = await t.deps.database.db.select().from(nonWorkingDays).where(eq(nonWorkingDays.source, 'local'));
    expect(closures.map((row) => row.day)).toEqual(['2026-01-02']);
    expect(await audits()).toBe(2);
  });

  it('is for administrators of the whole council only', async () => {
    const officer = await t.as('performance-officer');
    expect((await officer.get('/collection-rules')).statusCode).toBe(403);
    expect((await officer.api('GET', '/api/v1/collection-rules')).statusCode).toBe(403);
    const unitAdmin = await t.as('administrator', { unitId: t.org.rootUnitId });
    const refused = await unitAdmin.api('PUT', '/api/v1/collection-rules', {
      workingDaysAfterPeriodEnd: 1,
      reminderWorkingDaysBefore: 0,
      escalateToOwnerAfterDays: 0,
      escalateToManagerAfterDays: 0,
      holidayRegion: 'england-and-wales',
      closureDays: [],
    });
    expect(refused.statusCode).toBe(403);
    expect(await audits()).toBe(2);
  });
});
