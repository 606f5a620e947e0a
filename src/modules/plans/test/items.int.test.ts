import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, contributionLinks, planItemPartners, planItems, units } from '../../../schema.ts';
import { type Agent, createTestApp, DATABASES, type TestApp } from '../../../../test/helpers/test-app.ts';
import { type Cascade, insertCascade, insertPartner, insertPlan } from '../../../../test/helpers/items-fixtures.ts';

interface ItemBody {
  planId: string;
  itemTypeId: string;
  code: string;
  title: string;
  parentItemId?: string | null;
  ownerUnitId?: string | null;
  ownerPersonId?: string | null;
  partnerIds?: string[];
  throughPartnership?: boolean;
  description?: string;
}

describe.each(DATABASES)('plan items on %s', (kind) => {
  let t: TestApp;
  let cascade: Cascade;
  let admin: Agent;

  const body = (values: ItemBody) => ({
    parentItemId: null,
    ownerUnitId: t.org.rootUnitId,
    ownerPersonId: null,
    partnerIds: [],
    throughPartnership: false,
    description: '',
    ...values,
  });
  const create = async (agent: Agent, values: ItemBody) => agent.api('POST', '/api/v1/items', body(values));
  const created = async (values: ItemBody) => {
    const response = await create(admin, values);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string; rowVersion: number; code: string }>();
  };

  /** Everything a refused write might have touched. */
  async function footprint() {
    const db = t.deps.database.db;
    const [[a], [i], [l], [p]] = await Promise.all([
      db.select({ n: count() }).from(auditEvents),
      db.select({ n: count() }).from(planItems),
      db.select({ n: count() }).from(contributionLinks),
      db.select({ n: count() }).from(planItemPartners),
    ]);
    return { audit: a!.n, items: i!.n, links: l!.n, partners: p!.n };
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    cascade = await insertCascade(t.deps.database.db, t.org.id, t.org.rootUnitId);
    admin = await t.as('administrator');
  });
  afterAll(async () => t?.close());

  it('adds nested items with owners and partners, audited, and lists them as a tree', async () => {
    const partnerId = await insertPartner(t.deps.database.db, t.org.id, 'Integrated Care Board');
    const before = await footprint();
    const vision = await created({
      planId: cascade.plans.community,
      itemTypeId: cascade.framework.itemTypes.vision,
      code: 'V',
      title: 'A borough where everyone thrives',
      ownerPersonId: admin.personId,
    });
    const priority = await created({
      planId: cascade.plans.community,
      itemTypeId: cascade.framework.itemTypes.priority,
      code: 'P1',
      title: 'Healthy lives',
      parentItemId: vision.id,
      partnerIds: [partnerId],
      throughPartnership: true,
    });
    const detail = (await admin.api('GET', `/api/v1/items/${priority.id}`)).json();
    expect(detail).toMatchObject({
      code: 'P1',
      parentItemId: vision.id,
      typeName: 'Priority',
      throughPartnership: true,
      partners: [{ id: partnerId, name: 'Integrated Care Board' }],
      ownerUnitName: 'Test Borough Council',
      rowVersion: 1,
    });
    const after = await footprint();
    expect(after.items - before.items).toBe(2);
    expect(after.audit - before.audit).toBe(2);

    const list = (await admin.api('GET', `/api/v1/items?planId=${cascade.plans.community}`)).json();
    expect(list.map((item: { code: string }) => item.code)).toEqual(['V', 'P1']);

    const caller = (await t.deps.services.auth.sessionFor(admin.cookie.replace('gt_session=', '')))!.principal;
    if (caller.kind !== 'person') throw new Error('expected a person');
    const tree = await t.deps.services.items.treeForPlan(caller, cascade.plans.community);
    expect(tree).toHaveLength(1);
    expect(tree[0]).toMatchObject({
      code: 'V',
      typeName: 'Vision',
      ownerName: expect.stringContaining('administrator'),
    });
    expect(tree[0]!.children.map((child) => child.code)).toEqual(['P1']);
    expect(tree[0]!.children[0]).toMatchObject({ partnerNames: ['Integrated Care Board'], throughPartnership: true });
  });

  it('refuses an item type the plan type may not hold, and writes nothing', async () => {
    const before = await footprint();
    const response = await create(admin, {
      planId: cascade.plans.team,
      itemTypeId: cascade.framework.itemTypes.priority,
      code: 'TP1',
      title: 'Not here',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      detail: 'A Team plan cannot hold a Priority',
      errors: [{ field: 'itemTypeId' }],
    });
    expect(await footprint()).toEqual(before);
  });

  it('refuses items in archived and approved plans with 409, and writes nothing', async () => {
    const db = t.deps.database.db;
    const archived = await insertPlan(db, t.org.id, {
      type: cascade.framework.planTypes.service,
      title: 'Old plan',
      owningUnitId: t.org.rootUnitId,
      status: 'archived',
    });
    const approved = await insertPlan(db, t.org.id, {
      type: cascade.framework.planTypes.service,
      title: 'Approved plan',
      owningUnitId: t.org.rootUnitId,
      status: 'approved',
    });
    const before = await footprint();
    const toArchived = await create(admin, {
      planId: archived,
      itemTypeId: cascade.framework.itemTypes.objective,
      code: 'A1',
      title: 'Too late',
    });
    expect(toArchived.statusCode).toBe(409);
    expect(toArchived.json()).toMatchObject({
      code: 'invalid_state',
      detail: 'Items cannot be added to an archived plan',
    });
    const toApproved = await create(admin, {
      planId: approved,
      itemTypeId: cascade.framework.itemTypes.objective,
      code: 'A1',
      title: 'Too late',
    });
    expect(toApproved.statusCode).toBe(409);
    expect(toApproved.json().detail).toBe('Items cannot be added to an approved plan: start an amendment');
    expect(await footprint()).toEqual(before);
  });

  it('refuses a duplicate code in the same plan whatever its case, but allows it in another plan', async () => {
    await created({
      planId: cascade.plans.service,
      itemTypeId: cascade.framework.itemTypes.objective,
      code: 'W1',
      title: 'Recycle more',
    });
    const before = await footprint();
    const duplicate = await create(admin, {
      planId: cascade.plans.service,
      itemTypeId: cascade.framework.itemTypes.objective,
      code: 'w1',
      title: 'Again',
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ code: 'duplicate', errors: [{ field: 'code' }] });
    expect(await footprint()).toEqual(before);
    const elsewhere = await create(admin, {
      planId: cascade.plans.team,
      itemTypeId: cascade.framework.itemTypes.objective,
      code: 'W1',
      title: 'Same code, other plan',
    });
    expect(elsewhere.statusCode).toBe(201);
  });

  it('refuses missing owners, unknown people and partners and parents from another plan', async () => {
    const before = await footprint();
    const noOwner = await admin.api('POST', '/api/v1/items', {
      ...body({
        planId: cascade.plans.service,
        itemTypeId: cascade.framework.itemTypes.objective,
        code: 'N1',
        title: 'x',
      }),
      ownerUnitId: null,
    });
    expect(noOwner.statusCode).toBe(400);
    expect(noOwner.json().detail).toContain('Select an owner');
    const unknownPerson = await create(admin, {
      planId: cascade.plans.service,
      itemTypeId: cascade.framework.itemTypes.objective,
      code: 'N2',
      title: 'x',
      ownerPersonId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownPerson.statusCode).toBe(400);
    expect(unknownPerson.json().errors[0].field).toBe('ownerPersonId');
    const unknownPartner = await create(admin, {
      planId: cascade.plans.service,
      itemTypeId: cascade.framework.itemTypes.objective,
      code: 'N3',
      title: 'x',
      partnerIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(unknownPartner.statusCode).toBe(400);
    expect(unknownPartner.json().errors[0].field).toBe('partnerIds');
    const [community] = (await admin.api('GET', `/api/v1/items?planId=${cascade.plans.community}`)).json();
    const foreignParent = await create(admin, {
      planId: cascade.plans.service,
      itemTypeId: cascade.framework.itemTypes.objective,
      code: 'N4',
      title: 'x',
      parentItemId: community.id,
    });
    expect(foreignParent.statusCode).toBe(400);
    expect(foreignParent.json().errors[0].field).toBe('parentItemId');
    expect(await footprint()).toEqual(before);
  });

  it('changes an item with its row version and refuses a stale one with 409', async () => {
    const item = await created({
      planId: cascade.plans.service,
      itemTypeId: cascade.framework.itemTypes.objective,
      code: 'E1',
      title: 'Before',
    });
    const update = (title: string, rowVersion: number) =>
      admin.api('PUT', `/api/v1/items/${item.id}`, {
        ...body({
          planId: cascade.plans.service,
          itemTypeId: cascade.framework.itemTypes.objective,
          code: 'E1',
          title,
        }),
        planId: undefined,
        rowVersion,
      });
    const first = await update('After', 1);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ title: 'After', rowVersion: 2 });
    const before = await footprint();
    const stale = await update('Lost update', 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'conflict' });
    expect(stale.json().detail).toContain('Someone else changed this item');
    expect(await footprint()).toEqual(before);
    expect((await admin.api('GET', `/api/v1/items/${item.id}`)).json().title).toBe('After');
    const audit = await t.deps.database.db.select().from(auditEvents);
    expect(audit.some((event) => event.entityId === item.id && event.action === 'update')).toBe(true);
  });

  it('refuses to remove an item with children or links, then removes it once they are gone', async () => {
    const parent = await created({
      planId: cascade.plans.team,
      itemTypeId: cascade.framework.itemTypes.objective,
      code: 'R1',
      title: 'Parent',
    });
    const child = await created({
      planId: cascade.plans.team,
      itemTypeId: cascade.framework.itemTypes.action,
      code: 'R1.1',
      title: 'Child',
      parentItemId: parent.id,
    });
    const [serviceItem] = (await admin.api('GET', `/api/v1/items?planId=${cascade.plans.service}`)).json();
    const link = await admin.api('POST', `/api/v1/items/${child.id}/links`, {
      toItemId: serviceItem.id,
      kind: 'direct',
    });
    expect(link.statusCode, link.body).toBe(201);

    const before = await footprint();
    const withChild = await admin.api('DELETE', `/api/v1/items/${parent.id}`);
    expect(withChild.statusCode).toBe(409);
    expect(withChild.json().detail).toBe('R1 cannot be removed while it contains 1 item: remove or move them first');
    const withLink = await admin.api('DELETE', `/api/v1/items/${child.id}`);
    expect(withLink.statusCode).toBe(409);
    expect(withLink.json().detail).toContain('1 contribution link');
    expect(await footprint()).toEqual(before);

    expect((await admin.api('DELETE', `/api/v1/items/${child.id}/links/${link.json().id}`)).statusCode).toBe(204);
    expect((await admin.api('DELETE', `/api/v1/items/${child.id}?rowVersion=1`)).statusCode).toBe(204);
    expect((await admin.api('DELETE', `/api/v1/items/${parent.id}`)).statusCode).toBe(204);
    expect((await admin.api('GET', `/api/v1/items/${parent.id}`)).statusCode).toBe(404);
    const audit = await t.deps.database.db.select().from(auditEvents);
    expect(
      audit
        .filter((event) => event.action === 'delete')
        .map((event) => event.entityType)
        .sort(),
    ).toEqual(expect.arrayContaining(['contribution-link', 'plan-item', 'plan-item']));
  });

  it('allows editing only to those who plan for the unit that owns the plan', async () => {
    const db = t.deps.database.db;
    const [elsewhere] = await db
      .insert(units)
      .values({
        organisationId: t.org.id,
        parentId: t.org.rootUnitId,
        code: 'ELSE',
        name: 'Elsewhere',
        kind: 'service',
      })
      .returning();
    const [here] = await db
      .insert(units)
      .values({ organisationId: t.org.id, parentId: t.org.rootUnitId, code: 'HERE', name: 'Here', kind: 'service' })
      .returning();
    const plan = await insertPlan(db, t.org.id, {
      type: cascade.framework.planTypes.service,
      title: 'Here service plan',
      owningUnitId: here!.id,
    });
    const outsider = await t.as('manager', { unitId: elsewhere!.id });
    const insider = await t.as('manager', { unitId: here!.id });
    const viewer = await t.as('viewer');
    const values = { planId: plan, itemTypeId: cascade.framework.itemTypes.objective, code: 'H1', title: 'Here' };
    const before = await footprint();
    expect((await create(outsider, values)).statusCode).toBe(403);
    expect((await create(viewer, values)).statusCode).toBe(403);
    expect(await footprint()).toEqual(before);
    expect((await create(insider, values)).statusCode).toBe(201);
    expect((await viewer.api('GET', `/api/v1/items?planId=${plan}`)).json()).toHaveLength(1);
  });

  it('shows a partner only the items shared with its partner organisation', async () => {
    const db = t.deps.database.db;
    const partnerId = await insertPartner(db, t.org.id, 'Police');
    const plan = await insertPlan(db, t.org.id, {
      type: cascade.framework.planTypes.service,
      title: 'Community safety plan',
      owningUnitId: t.org.rootUnitId,
    });
    const shared = await created({
      planId: plan,
      itemTypeId: cascade.framework.itemTypes.objective,
      code: 'S1',
      title: 'Shared',
      partnerIds: [partnerId],
    });
    const hidden = await created({
      planId: plan,
      itemTypeId: cascade.framework.itemTypes.objective,
      code: 'S2',
      title: 'Council only',
    });
    const partner = await t.as('partner', { partnerId });
    const list = (await partner.api('GET', `/api/v1/items?planId=${plan}`)).json();
    expect(list.map((item: { code: string }) => item.code)).toEqual(['S1']);
    expect((await partner.api('GET', `/api/v1/items/${shared.id}`)).statusCode).toBe(200);
    expect((await partner.api('GET', `/api/v1/items/${hidden.id}`)).statusCode).toBe(404);
    expect((await partner.api('GET', `/api/v1/items/${hidden.id}/line-of-sight`)).statusCode).toBe(404);
    expect((await partner.get(`/items/${hidden.id}`)).statusCode).toBe(404);
    const page = await partner.get(`/items/${shared.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Shared');
    expect(
      (
        await partner.api(
          'POST',
          '/api/v1/items',
          body({ planId: plan, itemTypeId: cascade.framework.itemTypes.objective, code: 'S3', title: 'x' }),
        )
      ).statusCode,
    ).toBe(403);
  });

  it('keeps tenants apart', async () => {
    const other = await t.createOrganisation('Other Council');
    const outsider = await t.as('administrator', { organisation: other });
    const [item] = (await admin.api('GET', `/api/v1/items?planId=${cascade.plans.community}`)).json();
    expect((await outsider.api('GET', `/api/v1/items/${item.id}`)).statusCode).toBe(404);
    expect((await outsider.api('GET', `/api/v1/items?planId=${cascade.plans.community}`)).statusCode).toBe(404);
    expect((await outsider.api('GET', `/api/v1/items/${item.id}/line-of-sight`)).statusCode).toBe(404);
    expect((await outsider.get(`/items/${item.id}`)).statusCode).toBe(404);
    const before = await footprint();
    const intoOther = await create(outsider, {
      planId: cascade.plans.community,
      itemTypeId: cascade.framework.itemTypes.vision,
      code: 'X',
      title: 'x',
      ownerUnitId: other.rootUnitId,
    });
    expect(intoOther.statusCode).toBe(404);
    expect((await outsider.api('DELETE', `/api/v1/items/${item.id}`)).statusCode).toBe(404);
    expect(await footprint()).toEqual(before);
  });

  it('adds an item through the form, keeping what was typed when something is wrong', async () => {
    const form = await admin.get(`/plans/${cascade.plans.service}/items/new`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Objective');
    expect(form.body).not.toContain('>Priority<');
    const bad = await admin.post(`/plans/${cascade.plans.service}/items/new`, {
      itemTypeId: cascade.framework.itemTypes.objective,
      parentItemId: '',
      code: '',
      title: 'Kept title',
      description: '',
      ownerPersonId: '',
      ownerUnitId: t.org.rootUnitId,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('href="#code"');
    expect(bad.body).toContain('value="Kept title"');
    const good = await admin.post(`/plans/${cascade.plans.service}/items/new`, {
      itemTypeId: cascade.framework.itemTypes.objective,
      parentItemId: '',
      code: 'F1',
      title: 'From the form',
      description: 'Typed in a form',
      ownerPersonId: '',
      ownerUnitId: t.org.rootUnitId,
      throughPartnership: 'yes',
    });
    expect(good.statusCode).toBe(302);
    const page = await admin.get(good.headers.location as string);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('F1 From the form');
    expect(page.body).toContain('Line of sight');
    const approved = await insertPlan(t.deps.database.db, t.org.id, {
      type: cascade.framework.planTypes.service,
      title: 'Approved service plan',
      owningUnitId: t.org.rootUnitId,
      status: 'approved',
    });
    const frozen = await admin.post(`/plans/${approved}/items/new`, {
      itemTypeId: cascade.framework.itemTypes.objective,
      code: 'F2',
      title: 'Too late',
      ownerUnitId: t.org.rootUnitId,
    });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.body).toContain('Items cannot be added to an approved plan: start an amendment');
    const frozenForm = await admin.get(`/plans/${approved}/items/new`);
    expect(frozenForm.statusCode).toBe(409);
    expect(frozenForm.body).toContain('Items cannot be added to an approved plan: start an amendment');
    const orgManager = await t.as('manager', { unitId: null });
    expect((await orgManager.get(`/plans/${cascade.plans.service}/items/new`)).statusCode).toBe(200);
    expect((await (await t.as('viewer')).get(`/plans/${cascade.plans.service}/items/new`)).statusCode).toBe(403);
  });
});
