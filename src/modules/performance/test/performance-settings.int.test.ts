/**
 * The council's performance settings (roll-up rule, risk appetite, direction-of-travel tolerance):
 * stored once per council, defaults when absent, and used by the roll-ups, the dashboard,
 * framework health and the stored statuses. Figures come from the hand-built council of
 * test/helpers/performance-fixtures.ts, whose default-rule results are worked out in
 * performance-views.test.ts.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, measureStatuses, performanceSettings } from '../../../schema.ts';
import { loadDirectionTolerance } from '../data/settings.repository.ts';
import { buildFixture, type Fixture, quarterly, today } from '../../../../test/helpers/performance-fixtures.ts';
import { type Agent, createTestApp, DATABASES, type TestApp } from '../../../../test/helpers/test-app.ts';

const DEFAULTS = {
  rollupRule: 'worst-of',
  greenFrom: null,
  amberFrom: null,
  keyMeasuresDominate: true,
  overdueAs: 'not-rated',
  objectivesAppetite: 0.9,
  targetsAppetite: 0.75,
  toleranceKind: 'none',
  toleranceAmount: null,
  tolerancePercent: null,
};

/** The page form as a browser sends it: percentages, radios as text. */
const FORM = {
  rollupRule: 'worst-of',
  greenFrom: '80',
  amberFrom: '50',
  keyMeasuresDominate: 'true',
  overdueAs: 'not-rated',
  objectivesAppetite: '90',
  targetsAppetite: '75',
  toleranceKind: 'none',
  toleranceAmount: '',
  tolerancePercent: '',
};

describe.each(DATABASES)('performance settings on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  let admin: Agent;

  async function current(agent: Agent = admin) {
    const response = await agent.api('GET', '/api/v1/settings/performance');
    expect(response.statusCode).toBe(200);
    return response.json();
  }

  /** Stores settings (the defaults plus `change`) based on the version stored now. */
  async function store(change: Record<string, unknown>, agent: Agent = admin) {
    const { rowVersion } = await current(agent);
    const response = await agent.api('PUT', '/api/v1/settings/performance', { ...DEFAULTS, ...change, rowVersion });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  const statusOf = async (measureId: string) => {
    const [row] = await t.deps.database.db
      .select()
      .from(measureStatuses)
      .where(and(eq(measureStatuses.measureId, measureId), eq(measureStatuses.periodKey, '2025-26-Q2')));
    return row!;
  };

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: () => today });
    f = await buildFixture(t);
    await t.deps.services.performance.recompute(t.deps.database.db, t.org.id, 'all');
    admin = await t.as('administrator');
  });
  afterAll(async () => t?.close());

  // Each test starts from a council with no stored settings and statuses worked out without any.
  afterEach(async () => {
    const db = t.deps.database.db;
    await db.delete(performanceSettings).where(eq(performanceSettings.organisationId, t.org.id));
    await t.deps.services.performance.recompute(db, t.org.id, 'all');
  });

  it('gives the documented defaults, flagged as defaults, when the council has stored none', async () => {
    const settings = await current();
    expect(settings).toMatchObject({ ...DEFAULTS, isDefault: true, rowVersion: 0, updatedAt: null, updatedBy: null });
    expect(settings.words.rollupRule).toBe(
      'Worst of its measures and items; a key measure can make it worse, never better; measures without a rated status are counted but not rated',
    );
    // Anyone who can see the organisation can read them; only framework managers see the page.
    const viewer = await t.as('viewer');
    expect((await current(viewer)).isDefault).toBe(true);
    const page = await admin.get('/framework/performance-settings');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('they are the defaults');
    expect(page.body).toContain('(the default)');
    expect(page.body).toMatch(/name="objectivesAppetite"[^>]*value="90"/);
    expect(await loadDirectionTolerance(t.deps.database.db, t.org.id)).toBeUndefined();
  });

  it('stores a change in one row, with an audit row holding the old and the new values', async () => {
    const db = t.deps.database.db;
    const first = await store({ objectivesAppetite: 0.8 });
    expect(first).toMatchObject({ objectivesAppetite: 0.8, isDefault: false, rowVersion: 1 });
    expect(first.updatedBy.id).toBe(admin.personId);
    expect(first.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const second = await store({ objectivesAppetite: 0.85, rollupRule: 'majority' });
    expect(second).toMatchObject({ objectivesAppetite: 0.85, rollupRule: 'majority', rowVersion: 2 });
    expect(
      await db.select().from(performanceSettings).where(eq(performanceSettings.organisationId, t.org.id)),
    ).toHaveLength(1);

    const audit = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organisationId, t.org.id), eq(auditEvents.entityType, 'performance-settings')))
      .orderBy(auditEvents.id);
    const mine = audit.slice(-2);
    expect(mine.map((a) => a.action)).toEqual(['create', 'update']);
    expect(mine[0]).toMatchObject({ entityId: t.org.id, actorPersonId: admin.personId });
    expect(mine[0]!.oldValue).toMatchObject({ ...DEFAULTS, isDefault: true, rowVersion: 0 });
    expect(mine[0]!.newValue).toMatchObject({ ...DEFAULTS, objectivesAppetite: 0.8, rowVersion: 1 });
    expect(mine[1]!.oldValue).toMatchObject({ objectivesAppetite: 0.8, rollupRule: 'worst-of', isDefault: false });
    expect(mine[1]!.newValue).toMatchObject({ objectivesAppetite: 0.85, rollupRule: 'majority', rowVersion: 2 });
  });

  it('refuses a stale row version with 409, and changes and audits nothing', async () => {
    const db = t.deps.database.db;
    // Nothing stored yet: the version to send is 0, so 1 is stale.
    const early = await admin.api('PUT', '/api/v1/settings/performance', { ...DEFAULTS, rowVersion: 1 });
    expect(early.statusCode).toBe(409);
    await store({ targetsAppetite: 0.6 });
    const auditBefore = (await db.select().from(auditEvents)).length;
    const stale = await admin.api('PUT', '/api/v1/settings/performance', {
      ...DEFAULTS,
      targetsAppetite: 0.5,
      rowVersion: 0,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.json()).toMatchObject({ status: 409, code: 'conflict', errors: [{ field: 'rowVersion' }] });
    expect(stale.json().detail).toContain('Someone else changed the performance settings');
    expect((await current()).targetsAppetite).toBe(0.6);
    expect((await db.select().from(auditEvents)).length).toBe(auditBefore);

    // The page keeps what was typed, shows the stored settings and takes the next save.
    const page = await admin.post('/framework/performance-settings', {
      ...FORM,
      targetsAppetite: '55',
      rowVersion: '0',
    });
    expect(page.statusCode).toBe(409);
    expect(page.body).toContain('Someone else changed the performance settings');
    expect(page.body).toMatch(/name="targetsAppetite"[^>]*value="55"/);
    expect(page.body).toContain('At least 60% of key targets projected to be achieved');
    const version = /name="rowVersion" value="(\d+)"/.exec(page.body)?.[1];
    expect(version).toBe('1');
    const again = await admin.post('/framework/performance-settings', {
      ...FORM,
      targetsAppetite: '55',
      rowVersion: version!,
    });
    expect(again.statusCode).toBe(302);
    expect((await current()).targetsAppetite).toBe(0.55);
  });

  it('refuses bad input with messages naming the field, from the API and the form', async () => {
    const bad = await admin.api('PUT', '/api/v1/settings/performance', {
      ...DEFAULTS,
      rowVersion: 0,
      rollupRule: 'weighted-score',
      greenFrom: 0.5,
      amberFrom: 0.7,
      objectivesAppetite: 90,
      toleranceKind: 'absolute',
      toleranceAmount: -1,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const errors = Object.fromEntries(
      bad.json().errors.map((e: { field: string; message: string }) => [e.field, e.message]),
    );
    expect(errors).toEqual({
      amberFrom: 'Amber from must be below green from',
      objectivesAppetite: 'Risk appetite for plan objectives on target must be a share from 0 to 1, like 0.9',
      toleranceAmount: 'Tolerance amount must be 0 or more',
    });
    const missing = await admin.api('PUT', '/api/v1/settings/performance', { rowVersion: 0 });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['rollupRule', 'keyMeasuresDominate', 'overdueAs', 'toleranceKind']),
    );

    const page = await admin.post('/framework/performance-settings', {
      ...FORM,
      rowVersion: '0',
      rollupRule: 'weighted-score',
      greenFrom: '120',
      toleranceKind: 'percentage',
      tolerancePercent: 'five',
    });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('There is a problem');
    expect(page.body).toContain('href="#greenFrom"');
    expect(page.body).toContain('Green from must be a percentage from 0 to 100, like 80');
    expect(page.body).toMatch(/id="greenFrom-error"[\s\S]*Green from must be a percentage from 0 to 100/);
    expect(page.body).toContain('Tolerance percentage must be a number, like 5');
    expect(page.body).toMatch(/name="tolerancePercent"[^>]*value="five"/);
    expect((await current()).isDefault).toBe(true);
  });

  it('lets only those who manage the framework for the whole council change them', async () => {
    const viewer = await t.as('viewer');
    expect((await viewer.api('PUT', '/api/v1/settings/performance', { ...DEFAULTS, rowVersion: 0 })).statusCode).toBe(
      403,
    );
    expect((await viewer.get('/framework/performance-settings')).statusCode).toBe(403);
    expect((await viewer.post('/framework/performance-settings', { ...FORM, rowVersion: '0' })).statusCode).toBe(403);
    const director = await t.as('director');
    expect((await director.api('PUT', '/api/v1/settings/performance', { ...DEFAULTS, rowVersion: 0 })).statusCode).toBe(
      403,
    );
    const nobody = await t.as(null);
    expect((await nobody.api('GET', '/api/v1/settings/performance')).statusCode).toBe(403);

    // A performance officer for one directorate holds the permission, but not over the council.
    const local = await t.as('performance-officer', { unitId: f.unitA });
    const refused = await local.api('PUT', '/api/v1/settings/performance', { ...DEFAULTS, rowVersion: 0 });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toContain('whole organisation');
    const page = await local.get('/framework/performance-settings');
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Save settings');
    const posted = await local.post('/framework/performance-settings', { ...FORM, rowVersion: '0' });
    expect(posted.statusCode).toBe(403);
    expect((await current()).isDefault).toBe(true);

    // A council-wide performance officer may.
    const officer = await t.as('performance-officer');
    expect((await store({ overdueAs: 'amber' }, officer)).overdueAs).toBe('amber');
    // The framework page links administrators to the settings, and not the others.
    expect((await admin.get('/framework')).body).toContain('href="/framework/performance-settings"');
    expect((await viewer.get('/framework')).body).not.toContain('href="/framework/performance-settings"');
  });

  it('keeps councils apart', async () => {
    await store({ objectivesAppetite: 0.6, toleranceKind: 'percentage', tolerancePercent: 5 });
    const other = await t.createOrganisation('Other Council');
    const otherAdmin = await t.as('administrator', { organisation: other });
    expect(await current(otherAdmin)).toMatchObject({ isDefault: true, objectivesAppetite: 0.9, rowVersion: 0 });
    expect(await loadDirectionTolerance(t.deps.database.db, other.id)).toBeUndefined();
    expect(await loadDirectionTolerance(t.deps.database.db, t.org.id)).toEqual({ kind: 'percentage', percent: 5 });

    // Theirs is stored separately (their first save is version 0 → 1, whatever ours is at).
    await quarterly(t, other, 'X1', null, true, [10, 11, 12, 13, 14, 15]);
    const theirs = await otherAdmin.api('PUT', '/api/v1/settings/performance', {
      ...DEFAULTS,
      rowVersion: 0,
      objectivesAppetite: 0.4,
    });
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json()).toMatchObject({ rowVersion: 1, objectivesAppetite: 0.4 });
    expect((await current()).objectivesAppetite).toBe(0.6);
    const otherHealth = (await otherAdmin.api('GET', '/api/v1/performance/health')).json();
    expect(otherHealth.appetite['objectives-on-target']).toBe(0.4);
    const ourHealth = (await admin.api('GET', '/api/v1/performance/health')).json();
    expect(ourHealth.appetite['objectives-on-target']).toBe(0.6);
    const theirAudit = await t.deps.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organisationId, other.id), eq(auditEvents.entityType, 'performance-settings')));
    expect(theirAudit.map((a) => a.entityId)).toEqual([other.id]);
  });

  it('rolls a plan up by the stored rule, and a query parameter still gives a what-if', async () => {
    const viewer = await t.as('viewer');
    const before = (await viewer.api('GET', `/api/v1/plans/${f.planId}/rollup`)).json();
    expect(before.status).toBe('red');

    // Weighted, with key measures not dominating: O1 (one red, one green) scores 50%, amber;
    // P1 (O1 amber, O2 green) scores 75%, amber; the plan (P1 amber, P2 overdue) is amber.
    await store({ rollupRule: 'weighted-score', greenFrom: 0.8, amberFrom: 0.5, keyMeasuresDominate: false });
    const plan = (await viewer.api('GET', `/api/v1/plans/${f.planId}/rollup`)).json();
    expect(plan).toMatchObject({ status: 'amber', countsText: '0 green, 1 amber, 0 red, 1 overdue' });
    expect(plan.ruleText).toBe(
      'Weighted score of its measures and items (green from 80%, amber from 50%); measures without a rated status are counted but not rated',
    );
    expect(plan.children.map((c: { code: string; status: string }) => [c.code, c.status])).toEqual([
      ['P1', 'amber'],
      ['P2', 'overdue'],
    ]);
    const o1 = (await viewer.api('GET', `/api/v1/items/${f.items.o1}/rollup`)).json();
    expect(o1.status).toBe('amber');
    const dashboard = (await viewer.api('GET', '/api/v1/performance/dashboard')).json();
    expect(dashboard.corporatePlan.priorities.map((p: { code: string; status: string }) => [p.code, p.status])).toEqual(
      [
        ['P1', 'amber'],
        ['P2', 'overdue'],
      ],
    );
    // The rule in words on the plan and item pages.
    const page = await viewer.get(`/plans/${f.planId}`);
    expect(page.body).toContain('Weighted score of its measures and items (green from 80%, amber from 50%)');
    expect((await viewer.get(`/items/${f.items.o1}`)).body).toMatch(/govuk-tag--orange[^>]*>\s*Amber/);

    // A what-if for one answer, the stored rule untouched.
    const whatIf = (await viewer.api('GET', `/api/v1/plans/${f.planId}/rollup?rule=worst-of`)).json();
    expect(whatIf.status).toBe('red');
    expect((await viewer.api('GET', `/api/v1/plans/${f.planId}/rollup`)).json().status).toBe('amber');

    // Overdue counted as red: P2 becomes red, and so does the plan under the worst-of rule.
    await store({ overdueAs: 'red' });
    const strict = (await viewer.api('GET', `/api/v1/plans/${f.planId}/rollup`)).json();
    expect(strict.children.map((c: { code: string; status: string }) => [c.code, c.status])).toEqual([
      ['P1', 'red'],
      ['P2', 'red'],
    ]);
    expect(strict.ruleText).toContain('overdue measures count as red');
  });

  it('judges framework health against the stored appetite and roll-up rule', async () => {
    const viewer = await t.as('viewer');
    const indicator = (health: { units: { indicators: { id: string }[] }[] }, id: string) =>
      health.units[0]!.indicators.find((i) => i.id === id) as unknown as {
        met: number;
        total: number;
        position: string;
        appetite: number;
      };
    const before = (await viewer.api('GET', '/api/v1/performance/health')).json();
    expect(indicator(before, 'objectives-on-target')).toMatchObject({
      met: 1,
      total: 2,
      position: 'outside',
      appetite: 0.9,
    });
    expect(indicator(before, 'targets-projected-achieved').appetite).toBe(0.75);

    await store({ objectivesAppetite: 0.5, targetsAppetite: 0.3 });
    const after = (await viewer.api('GET', '/api/v1/performance/health')).json();
    expect(after.appetite).toMatchObject({ 'objectives-on-target': 0.5, 'targets-projected-achieved': 0.3 });
    expect(indicator(after, 'objectives-on-target')).toMatchObject({
      met: 1,
      total: 2,
      position: 'within',
      appetite: 0.5,
    });
    const page = await viewer.get('/performance/health');
    expect(page.body).toContain('At least 50%');
    // A what-if appetite still overrides for one answer.
    const whatIf = (await viewer.api('GET', '/api/v1/performance/health?objectivesAppetite=0.9')).json();
    expect(indicator(whatIf, 'objectives-on-target').position).toBe('outside');

    // The objectives' roll-up follows the stored rule: overdue as amber rates P2 (amber), so 1 of 3.
    await store({ objectivesAppetite: 0.5, overdueAs: 'amber' });
    const strict = (await viewer.api('GET', '/api/v1/performance/health')).json();
    expect(indicator(strict, 'objectives-on-target')).toMatchObject({ met: 1, total: 3, position: 'outside' });
  });

  it("applies the stored tolerance to a measure's direction of travel on its performance page", async () => {
    const viewer = await t.as('viewer');
    // M1 went from 66.0% to 62.1%: down 3.9 points.
    const before = (await viewer.api('GET', `/api/v1/measures/${f.m.m1}/performance`)).json();
    expect(before.status.directionPrevious.direction).toBe('worsening');
    await store({ toleranceKind: 'absolute', toleranceAmount: 5 });
    const within = (await viewer.api('GET', `/api/v1/measures/${f.m.m1}/performance`)).json();
    expect(within.status.directionPrevious.direction).toBe('no-significant-change');
    expect(within.status.directionPrevious.reason).toContain('within the tolerance');
    await store({ toleranceKind: 'percentage', tolerancePercent: 5 });
    // 5% of 66.0 is 3.3: a fall of 3.9 is more than that.
    const percent = (await viewer.api('GET', `/api/v1/measures/${f.m.m1}/performance`)).json();
    expect(percent.status.directionPrevious.direction).toBe('worsening');
  });

  it('recomputes the stored statuses in the same transaction when the tolerance changes, and only then', async () => {
    const db = t.deps.database.db;
    const spoil = () =>
      db
        .update(measureStatuses)
        .set({ rag: 'amber' })
        .where(and(eq(measureStatuses.measureId, f.m.m2), eq(measureStatuses.periodKey, '2025-26-Q2')));
    await spoil();
    await store({ objectivesAppetite: 0.7 });
    expect((await statusOf(f.m.m2)).rag).toBe('amber');
    await store({ objectivesAppetite: 0.7, toleranceKind: 'absolute', toleranceAmount: 1 });
    expect((await statusOf(f.m.m2)).rag).toBe('green');
  });

  // Needs performance-status.service to apply loadDirectionTolerance (being rewritten by another engineer).
  it('stores directions of travel with the council tolerance (dashboard direction of a key measure)', async () => {
    const viewer = await t.as('viewer');
    const direction = async () =>
      (await viewer.api('GET', '/api/v1/performance/dashboard'))
        .json()
        .keyMeasures.find((m: { code: string }) => m.code === 'M1').direction;
    expect(await direction()).toBe('worsening');
    await store({ toleranceKind: 'absolute', toleranceAmount: 5 });
    expect((await statusOf(f.m.m1)).directionPrevious).toBe('no-significant-change');
    expect(await direction()).toBe('no-significant-change');
  });

  it('describes the API in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const path = doc.paths['/api/v1/settings/performance'];
    expect(Object.keys(path).sort()).toEqual(['get', 'put']);
    expect(path.get.tags).toEqual(['Settings']);
    expect(doc.components.schemas).toHaveProperty('PerformanceSettings');
    const body = path.put.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(expect.arrayContaining(['rowVersion', 'rollupRule', 'toleranceKind']));
  });
});
