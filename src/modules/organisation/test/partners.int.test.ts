import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, itemTypes, partners, planItemPartners, planItems, plans, planTypes } from '../../../schema.ts';
import { createTestApp, PAGE_DATABASES, type TestApp } from '../../../../test/helpers/test-app.ts';

// Pages and forms over ordinary reads and writes: run once, on PGlite (the rule is in test-app.ts).
describe.each(PAGE_DATABASES)('partners on %s', (kind) => {
  let t: TestApp;
  const counts = async () => [
    (await t.deps.database.db.select().from(auditEvents)).length,
    (await t.deps.database.db.select().from(partners)).length,
  ];
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t?.close());

  it('adds and changes a partner through the API, audited', async () => {
    const officer = await t.as('performance-officer');
    const created = await officer.api('POST', '/api/v1/partners', {
      name: 'Police',
      kind: 'police',
      description: 'Force',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const changed = await officer.api('PUT', `/api/v1/partners/${id}`, {
      name: 'Police Service',
      kind: 'police',
      description: '',
    });
    expect(changed.json()).toMatchObject({ name: 'Police Service' });
    const events = (await t.deps.database.db.select().from(auditEvents)).filter((event) => event.entityId === id);
    expect(events.map((event) => event.action)).toEqual(['create', 'update']);
    expect((await officer.api('GET', `/api/v1/partners/${id}`)).json().name).toBe('Police Service');
  });

  it.each([
    ['an unknown kind', { name: 'X', kind: 'pirates', description: '' }, 400, 'kind'],
    ['a missing name', { name: ' ', kind: 'nhs', description: '' }, 400, 'name'],
  ])('refuses %s, writing nothing', async (_label, body, status, field) => {
    const admin = await t.as('administrator');
    const before = await counts();
    const response = await admin.api('POST', '/api/v1/partners', body);
    expect(response.statusCode).toBe(status);
    expect(response.json().errors[0].field).toBe(field);
    expect(await counts()).toEqual(before);
  });

  it('refuses a duplicate name in any case with 409', async () => {
    const admin = await t.as('administrator');
    await admin.api('POST', '/api/v1/partners', { name: 'Fire Service', kind: 'fire', description: '' });
    const before = await counts();
    const response = await admin.api('POST', '/api/v1/partners', {
      name: 'FIRE SERVICE',
      kind: 'fire',
      description: '',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'duplicate', errors: [{ field: 'name' }] });
    expect(await counts()).toEqual(before);
  });

  it('needs manage:governance to change and view:organisation to look', async () => {
    const manager = await t.as('manager');
    expect(
      (await manager.api('POST', '/api/v1/partners', { name: 'Y', kind: 'nhs', description: '' })).statusCode,
    ).toBe(403);
    expect((await manager.get('/partners/new')).statusCode).toBe(403);
    expect((await manager.get('/partners')).statusCode).toBe(200);
    const partner = await t.as('partner');
    expect((await partner.api('GET', '/api/v1/partners')).statusCode).toBe(403);
  });

  it('shows the plan items that name the partner on its page and in the API', async () => {
    const admin = await t.as('administrator');
    const partner = (
      await admin.api('POST', '/api/v1/partners', { name: 'Health Trust', kind: 'nhs', description: '' })
    ).json();
    const db = t.deps.database.db;
    const [itemType] = await db
      .insert(itemTypes)
      .values({ organisationId: t.org.id, key: `obj-${kind}`, name: 'Objective' })
      .returning();
    const [planType] = await db
      .insert(planTypes)
      .values({ organisationId: t.org.id, key: `cs-${kind}`, name: 'Strategy', level: 1, templateSections: [] })
      .returning();
    const lineage = crypto.randomUUID();
    const [plan] = await db
      .insert(plans)
      .values({
        organisationId: t.org.id,
        lineageId: lineage,
        planTypeId: planType!.id,
        title: 'Community Strategy 2025',
        periodStart: '2025-04-01',
        periodEnd: '2030-03-31',
        owningUnitId: t.org.rootUnitId,
      })
      .returning();
    const [item] = await db
      .insert(planItems)
      .values({
        organisationId: t.org.id,
        planId: plan!.id,
        itemTypeId: itemType!.id,
        code: 'H1',
        title: 'Healthier lives',
      })
      .returning();
    await db.insert(planItemPartners).values({ organisationId: t.org.id, itemId: item!.id, partnerId: partner.id });
    const page = await admin.get(`/partners/${partner.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Healthier lives');
    expect(page.body).toContain('Community Strategy 2025');
    const items = (await admin.api('GET', `/api/v1/partners/${partner.id}/items`)).json();
    expect(items).toEqual([expect.objectContaining({ itemId: item!.id, planId: plan!.id, code: 'H1' })]);
  });

  it('shows the error summary on a bad form and adds through the form', async () => {
    const admin = await t.as('administrator');
    const before = await counts();
    const bad = await admin.post('/partners/new', { name: 'Kept partner', description: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('href="#kind"');
    expect(bad.body).toContain('value="Kept partner"');
    expect(await counts()).toEqual(before);
    const good = await admin.post('/partners/new', { name: 'Chamber of Commerce', kind: 'business', description: '' });
    expect(good.statusCode).toBe(302);
    expect((await admin.get(good.headers.location as string)).body).toContain('Chamber of Commerce');
  });

  it('keeps tenants apart', async () => {
    const admin = await t.as('administrator');
    const mine = (await admin.api('POST', '/api/v1/partners', { name: 'Mine', kind: 'other', description: '' })).json();
    const other = await t.createOrganisation('Other');
    const outsider = await t.as('administrator', { organisation: other });
    expect((await outsider.api('GET', '/api/v1/partners')).json()).toEqual([]);
    expect((await outsider.api('GET', `/api/v1/partners/${mine.id}`)).statusCode).toBe(404);
    expect((await outsider.get(`/partners/${mine.id}`)).statusCode).toBe(404);
    expect(
      (await outsider.api('PUT', `/api/v1/partners/${mine.id}`, { name: 'Stolen', kind: 'other', description: '' }))
        .statusCode,
    ).toBe(404);
    // the same name may exist in another council
    expect(
      (await outsider.api('POST', '/api/v1/partners', { name: 'Mine', kind: 'other', description: '' })).statusCode,
    ).toBe(201);
  });
});
