import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, contributionLinks, planItemPartners, planItems } from '../../../schema.ts';
import { type Agent, createTestApp, DATABASES, type TestApp } from '../../../../test/helpers/test-app.ts';
import {
  type Cascade,
  insertCascade,
  insertPartner,
  insertPlan,
  setPlanStatus,
} from '../../../../test/helpers/items-fixtures.ts';

interface SightNode {
  id: string;
  code: string;
  depth: number;
  relation: string;
  kind: string | null;
  viaId: string;
  plan: { title: string; typeName: string; status: string };
}

describe.each(DATABASES)('contribution links and line of sight on %s', (kind) => {
  let t: TestApp;
  let cascade: Cascade;
  let admin: Agent;
  const ids: Record<string, string> = {};

  async function item(
    code: string,
    plan: keyof Cascade['plans'],
    type: string,
    parent?: string,
    partnerIds: string[] = [],
  ) {
    const response = await admin.api('POST', '/api/v1/items', {
      planId: cascade.plans[plan],
      itemTypeId: cascade.framework.itemTypes[type as keyof Cascade['framework']['itemTypes']],
      parentItemId: parent ? ids[parent] : null,
      code,
      title: `Item ${code}`,
      description: '',
      ownerPersonId: null,
      ownerUnitId: t.org.rootUnitId,
      partnerIds,
      throughPartnership: false,
    });
    expect(response.statusCode, response.body).toBe(201);
    ids[code] = response.json().id;
    return ids[code]!;
  }

  const link = (from: string, to: string, linkKind = 'direct') =>
    admin.api('POST', `/api/v1/items/${ids[from]}/links`, { toItemId: ids[to], kind: linkKind });

  const sight = async (code: string, agent: Agent = admin) => {
    const response = await agent.api('GET', `/api/v1/items/${ids[code]}/line-of-sight`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ up: SightNode[]; down: SightNode[] }>();
  };

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
    // community → corporate → service → team → individual
    await item('V', 'community', 'vision');
    await item('P1', 'community', 'priority', 'V');
    await item('C1', 'corporate', 'priority');
    await item('S1', 'service', 'objective');
    await item('S1.1', 'service', 'action', 'S1');
    await item('T1', 'team', 'action');
    await item('I1', 'individual', 'individual-objective');
    for (const [from, to, how] of [
      ['C1', 'P1', 'direct'],
      ['S1', 'C1', 'direct'],
      ['T1', 'S1.1', 'indirect'],
      ['I1', 'T1', 'direct'],
    ] as const) {
      const response = await link(from, to, how);
      expect(response.statusCode, response.body).toBe(201);
    }
  });
  afterAll(async () => t?.close());

  it('follows the chain up from an individual objective to the vision, in order', async () => {
    const { up, down } = await sight('I1');
    expect(up.map((node) => [node.code, node.depth, node.relation])).toEqual([
      ['T1', 1, 'contributes-to'],
      ['S1.1', 2, 'contributes-to'],
      ['S1', 3, 'parent'],
      ['C1', 4, 'contributes-to'],
      ['P1', 5, 'contributes-to'],
      ['V', 6, 'parent'],
    ]);
    expect(up[1]).toMatchObject({
      kind: 'indirect',
      viaId: ids.T1,
      plan: { title: 'Waste service plan', typeName: 'Service plan', status: 'draft' },
    });
    expect(up[2]!.kind).toBeNull();
    expect(down).toEqual([]);
  });

  it('follows the chain down from the vision to the individual objective, in order', async () => {
    const { up, down } = await sight('V');
    expect(up).toEqual([]);
    expect(down.map((node) => [node.code, node.depth, node.relation])).toEqual([
      ['P1', 1, 'child'],
      ['C1', 2, 'contributed-by'],
      ['S1', 3, 'contributed-by'],
      ['S1.1', 4, 'child'],
      ['T1', 5, 'contributed-by'],
      ['I1', 6, 'contributed-by'],
    ]);
  });

  it('goes both ways from the middle', async () => {
    const { up, down } = await sight('S1');
    expect(up.map((node) => node.code)).toEqual(['C1', 'P1', 'V']);
    expect(down.map((node) => node.code)).toEqual(['S1.1', 'T1', 'I1']);
  });

  it('refuses a link that would close a loop, self-links and duplicates, and writes nothing', async () => {
    const before = await footprint();
    const loop = await link('V', 'I1');
    expect(loop.statusCode).toBe(409);
    expect(loop.json()).toMatchObject({
      code: 'cycle',
      detail: 'Linking V to I1 would create a loop: I1 already contributes to V',
    });
    const self = await link('S1', 'S1');
    expect(self.statusCode).toBe(400);
    expect(self.json().detail).toBe('An item cannot contribute to itself');
    const duplicate = await link('S1', 'C1');
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ code: 'duplicate', detail: 'S1 already contributes to C1' });
    expect(await footprint()).toEqual(before);
  });

  it('refuses a loop through nesting, by link or by moving an item under another', async () => {
    const before = await footprint();
    // P1 sits under V, so V contributing to P1 would be a loop.
    const byLink = await link('V', 'P1');
    expect(byLink.statusCode).toBe(409);
    expect(byLink.json().detail).toBe('Linking V to P1 would create a loop: P1 already contributes to V');
    // S1.1 sits under S1: S1 cannot move under S1.1.
    const current = (await admin.api('GET', `/api/v1/items/${ids.S1}`)).json();
    const move = await admin.api('PUT', `/api/v1/items/${ids.S1}`, {
      itemTypeId: current.itemTypeId,
      parentItemId: ids['S1.1'],
      code: 'S1',
      title: current.title,
      description: '',
      ownerPersonId: null,
      ownerUnitId: t.org.rootUnitId,
      partnerIds: [],
      throughPartnership: false,
      rowVersion: current.rowVersion,
    });
    expect(move.statusCode).toBe(409);
    expect(move.json()).toMatchObject({ code: 'cycle', errors: [{ field: 'parentItemId' }] });
    expect(await footprint()).toEqual(before);
  });

  it('refuses links out of a plan that is not a draft, and to items of other organisations', async () => {
    const db = t.deps.database.db;
    const other = await t.createOrganisation('Neighbouring Council');
    const otherCascade = await insertCascade(db, other.id, other.rootUnitId);
    const outsider = await t.as('administrator', { organisation: other });
    const foreign = await outsider.api('POST', '/api/v1/items', {
      planId: otherCascade.plans.corporate,
      itemTypeId: otherCascade.framework.itemTypes.priority,
      parentItemId: null,
      code: 'N1',
      title: 'Neighbour priority',
      ownerUnitId: other.rootUnitId,
      ownerPersonId: null,
      partnerIds: [],
      throughPartnership: false,
    });
    expect(foreign.statusCode, foreign.body).toBe(201);
    const before = await footprint();
    const crossTenant = await admin.api('POST', `/api/v1/items/${ids.S1}/links`, {
      toItemId: foreign.json().id,
      kind: 'direct',
    });
    expect(crossTenant.statusCode).toBe(400);
    expect(crossTenant.json().errors[0].field).toBe('toItemId');
    const intoOurs = await outsider.api('POST', `/api/v1/items/${foreign.json().id}/links`, {
      toItemId: ids.V,
      kind: 'direct',
    });
    expect(intoOurs.statusCode).toBe(400);
    expect((await outsider.api('GET', `/api/v1/items/${ids.V}/line-of-sight`)).statusCode).toBe(404);

    await setPlanStatus(db, cascade.plans.corporate, 'approved');
    const fromApproved = await link('C1', 'V');
    expect(fromApproved.statusCode).toBe(409);
    expect(fromApproved.json().detail).toBe('Links cannot be added to an approved plan: start an amendment');
    const [existing] = (await admin.api('GET', `/api/v1/items/${ids.C1}`)).json().contributesTo;
    const removeFromApproved = await admin.api('DELETE', `/api/v1/items/${ids.C1}/links/${existing.id}`);
    expect(removeFromApproved.statusCode).toBe(409);
    expect(await footprint()).toEqual(before);
    // Linking *to* an approved plan's item is how lower plans join the thread.
    await item('S2', 'service', 'objective');
    const toApproved = await link('S2', 'C1', 'indirect');
    expect(toApproved.statusCode).toBe(201);
    await setPlanStatus(db, cascade.plans.corporate, 'draft');
  });

  it('leaves out superseded and archived plans unless starting from one', async () => {
    const db = t.deps.database.db;
    const old = await insertPlan(db, t.org.id, {
      type: cascade.framework.planTypes.service,
      title: 'Last year’s service plan',
      owningUnitId: t.org.rootUnitId,
      parentPlanId: cascade.plans.corporate,
    });
    const oldItem = await admin.api('POST', '/api/v1/items', {
      planId: old,
      itemTypeId: cascade.framework.itemTypes.objective,
      parentItemId: null,
      code: 'OLD1',
      title: 'Last year',
      ownerUnitId: t.org.rootUnitId,
      ownerPersonId: null,
      partnerIds: [],
      throughPartnership: false,
    });
    ids.OLD1 = oldItem.json().id;
    expect((await link('OLD1', 'C1')).statusCode).toBe(201);
    expect((await sight('C1')).down.map((node) => node.code)).toContain('OLD1');
    await setPlanStatus(db, old, 'superseded');
    expect((await sight('C1')).down.map((node) => node.code)).not.toContain('OLD1');
    const fromOld = await sight('OLD1');
    expect(fromOld.up.map((node) => node.code)).toEqual(['C1', 'P1', 'V']);
    // Nothing new may point at a superseded item.
    const toOld = await link('S1', 'OLD1');
    expect(toOld.statusCode).toBe(400);
  });

  it('shows a partner only the shared part of the line of sight', async () => {
    const db = t.deps.database.db;
    const partnerId = await insertPartner(db, t.org.id, 'Fire and rescue');
    await item('T2', 'team', 'action', undefined, [partnerId]);
    await item('I2', 'individual', 'individual-objective', undefined, [partnerId]);
    await item('I3', 'individual', 'individual-objective');
    expect((await link('T2', 'S1')).statusCode).toBe(201);
    expect((await link('I2', 'T2')).statusCode).toBe(201);
    expect((await link('I3', 'T2')).statusCode).toBe(201);
    const partner = await t.as('partner', { partnerId });
    const partnerView = await sight('T2', partner);
    expect(partnerView.up).toEqual([]);
    expect(partnerView.down.map((node) => node.code)).toEqual(['I2']);
    const councilView = await sight('T2');
    expect(councilView.up.map((node) => node.code)).toEqual(['S1', 'C1', 'P1', 'V']);
    expect(councilView.down.map((node) => node.code)).toEqual(['I2', 'I3']);
  });

  it('shows the line of sight and the links on the item pages', async () => {
    const page = await admin.get(`/items/${ids.S1}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Up to the vision');
    expect(page.body).toContain(`href="/items/${ids.V}"`);
    expect(page.body).toContain(`href="/items/${ids.I1}"`);
    const links = await admin.get(`/items/${ids.T1}/links`);
    expect(links.statusCode).toBe(200);
    expect(links.body).toContain('<optgroup label="Waste service plan">');
    const bad = await admin.post(`/items/${ids.I1}/links`, { toItemId: ids.V!, kind: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Select whether it contributes directly or indirectly');
    const loop = await admin.post(`/items/${ids.V}/links`, { toItemId: ids.I1!, kind: 'direct' });
    expect(loop.statusCode).toBe(409);
    expect(loop.body).toContain('would create a loop');
    const added = await admin.post(`/items/${ids.I1}/links`, { toItemId: ids.S1!, kind: 'indirect' });
    expect(added.statusCode).toBe(302);
    const detail = (await admin.api('GET', `/api/v1/items/${ids.I1}`)).json();
    const newLink = detail.contributesTo.find((l: { item: { id: string } }) => l.item.id === ids.S1);
    expect(newLink.kind).toBe('indirect');
    const removed = await admin.post(`/items/${ids.I1}/links/${newLink.id}/remove`, { returnTo: 'item' });
    expect(removed.statusCode).toBe(302);
    expect(removed.headers.location).toBe(`/items/${ids.I1}`);
  });
});
