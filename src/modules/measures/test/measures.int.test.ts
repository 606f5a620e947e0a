import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, measureItemLinks, measures, measureValues } from '../../../schema.ts';
import { paths } from '../../../kernel/paths.ts';
import { childUnit, measureBody, planWithItems } from '../../../../test/helpers/measure-fixtures.ts';
import { createTestApp, DATABASES, type TestApp } from '../../../../test/helpers/test-app.ts';

describe.each(DATABASES)('measure definitions on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t?.close());

  const db = () => t.deps.database.db;
  const counts = async () => {
    const [audit] = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents);
    const [rows] = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(measures);
    const [links] = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(measureItemLinks);
    return { audit: audit!.n, measures: rows!.n, links: links!.n };
  };

  it('creates a measure through the API, normalised and audited, and lists and searches it', async () => {
    const officer = await t.as('performance-officer');
    const created = await officer.api(
      'POST',
      '/api/v1/measures',
      measureBody({ tags: ['Adults', 'Scrutiny: People'], isKey: true }),
    );
    expect(created.statusCode).toBe(201);
    const measure = created.json();
    expect(measure).toMatchObject({
      code: 'ASC-01',
      minValue: 0,
      maxValue: 100,
      status: 'active',
      isKey: true,
      tags: ['Adults', 'Scrutiny: People'],
      ragThresholds: { kind: 'percentage', amberPercent: 5 },
      rowVersion: 1,
    });
    const audit = await db().select().from(auditEvents).where(eq(auditEvents.entityId, measure.id));
    expect(audit.map((a) => a.action)).toEqual(['create']);
    const search = await officer.api('GET', '/api/v1/measures?q=living%20at&key=true');
    expect(search.statusCode).toBe(200);
    expect(search.json()).toEqual([]);
    const byTitle = await officer.api('GET', '/api/v1/measures?q=supported&tag=adults');
    expect(byTitle.json().map((m: { code: string }) => m.code)).toEqual(['ASC-01']);
  });

  it('refuses a duplicate code (any case) with 409 and writes nothing', async () => {
    const officer = await t.as('performance-officer');
    await officer.api('POST', '/api/v1/measures', measureBody({ code: 'DUP-1' }));
    const before = await counts();
    const response = await officer.api('POST', '/api/v1/measures', measureBody({ code: 'dup-1', title: 'Another' }));
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: 'duplicate',
      errors: [{ field: 'code', message: 'A measure with code dup-1 already exists' }],
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses bad definitions with 400 naming the field, writing nothing', async () => {
    const officer = await t.as('performance-officer');
    const before = await counts();
    const cases: [Record<string, unknown>, string][] = [
      [{ code: 'BAD-1', polarity: 'sideways' }, 'polarity'],
      [{ code: 'BAD-2', aggregation: 'ratio' }, 'numeratorLabel'],
      [{ code: 'BAD-3', baselineValue: 50, baselinePeriod: '2024-25-M01' }, 'baselinePeriod'],
      [{ code: 'BAD-4', ownerPersonId: '00000000-0000-4000-8000-000000000000' }, 'ownerPersonId'],
    ];
    for (const [body, field] of cases) {
      const response = await officer.api('POST', '/api/v1/measures', measureBody(body));
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(response.json())).toContain(field);
    }
    expect(await counts()).toEqual(before);
  });

  it('edits with optimistic locking, audits old and new, and retires keeping history', async () => {
    const officer = await t.as('performance-officer');
    const { id } = (await officer.api('POST', '/api/v1/measures', measureBody({ code: 'EDIT-1' }))).json();
    const edited = await officer.api(
      'PUT',
      `/api/v1/measures/${id}`,
      measureBody({ code: 'EDIT-1', title: 'Renamed' }),
    );
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ title: 'Renamed', rowVersion: 2 });
    const stale = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/measures/${id}`,
      headers: {
        cookie: officer.cookie,
        'x-csrf-token': officer.csrf,
        'content-type': 'application/json',
        'if-match': '1',
      },
      payload: JSON.stringify(measureBody({ code: 'EDIT-1', title: 'Stale' })),
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict');

    const noReason = await officer.api('POST', `/api/v1/measures/${id}/retire`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    const retired = await officer.api('POST', `/api/v1/measures/${id}/retire`, {
      reason: 'Replaced by the national indicator',
    });
    expect(retired.statusCode).toBe(200);
    expect(retired.json()).toMatchObject({ status: 'retired', retiredReason: 'Replaced by the national indicator' });
    expect((await officer.api('GET', `/api/v1/measures/${id}`)).json().measure.title).toBe('Renamed');
    const again = await officer.api(
      'PUT',
      `/api/v1/measures/${id}`,
      measureBody({ code: 'EDIT-1', title: 'After retiring' }),
    );
    expect(again.statusCode).toBe(409);
    const audit = await db().select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'retire']);
    expect(audit[1]!.oldValue).toMatchObject({ title: 'Adults supported to live at home' });
    expect(
      await officer
        .api('GET', '/api/v1/measures?status=retired')
        .then((r) => r.json().map((m: { id: string }) => m.id)),
    ).toContain(id);
  });

  it('keeps a definition stable once values exist: a defining change is refused naming the fields, wording still changes', async () => {
    const officer = await t.as('performance-officer');
    const { id } = (await officer.api('POST', '/api/v1/measures', measureBody({ code: 'STABLE-1' }))).json();
    // Before any value, the definition may still be put right.
    const early = await officer.api('PUT', `/api/v1/measures/${id}`, measureBody({ code: 'STABLE-1', unit: 'number' }));
    expect(early.statusCode).toBe(200);
    await db().insert(measureValues).values({
      organisationId: officer.organisationId,
      measureId: id,
      periodKey: '2025-26-Q1',
      value: 71,
      status: 'approved',
    });
    const before = await counts();
    const refused = await officer.api(
      'PUT',
      `/api/v1/measures/${id}`,
      measureBody({ code: 'STABLE-1', unit: '%', polarity: 'lower-is-better' }),
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json().errors).toEqual([
      {
        field: 'polarity',
        message:
          'The polarity and unit of STABLE-1 cannot change once values have been entered: it would re-rate the history. Retire this measure and add a new one',
      },
    ]);
    expect(await counts()).toEqual(before);
    // The page says the same in its error summary.
    const form = measureBody({ code: 'STABLE-1', unit: 'number', definition: 'A different count altogether' });
    const page = await officer.post(
      paths.editMeasure(id),
      Object.fromEntries(Object.entries(form).map(([key, value]) => [key, String(value)])),
    );
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('govuk-error-summary');
    expect(page.body).toContain('The definition of STABLE-1 cannot change once values have been entered');
    // Wording changes stay in place, audited.
    const renamed = await officer.api(
      'PUT',
      `/api/v1/measures/${id}`,
      measureBody({ code: 'STABLE-1', unit: 'number', title: 'Renamed' }),
    );
    expect(renamed.statusCode).toBe(200);
    const audit = await db().select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update']);
  });

  it('links one measure to two plan items: listed under both, unlinking audited', async () => {
    const officer = await t.as('performance-officer');
    const { itemIds } = await planWithItems(t);
    const { id } = (await officer.api('POST', '/api/v1/measures', measureBody({ code: 'LINK-1' }))).json();
    for (const itemId of itemIds) {
      expect((await officer.api('POST', `/api/v1/measures/${id}/items`, { itemId })).statusCode).toBe(201);
    }
    for (const itemId of itemIds) {
      const under = await officer.api('GET', `/api/v1/measures?itemId=${itemId}`);
      expect(under.json().map((m: { code: string }) => m.code)).toEqual(['LINK-1']);
    }
    const before = await counts();
    const twice = await officer.api('POST', `/api/v1/measures/${id}/items`, { itemId: itemIds[0] });
    expect(twice.statusCode).toBe(409);
    expect(await counts()).toEqual(before);
    expect((await officer.api('DELETE', `/api/v1/measures/${id}/items/${itemIds[0]}`)).statusCode).toBe(204);
    expect((await officer.api('GET', `/api/v1/measures?itemId=${itemIds[0]}`)).json()).toEqual([]);
    const detail = (await officer.api('GET', `/api/v1/measures/${id}`)).json();
    expect(detail.items.map((i: { code: string }) => i.code)).toEqual(['OBJ-2']);
    const audit = await db().select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(audit.map((a) => a.action)).toEqual(['create', 'link-item', 'link-item', 'unlink-item']);
  });

  it('refuses links to items of an archived plan and adds assignees and breakdowns', async () => {
    const officer = await t.as('performance-officer');
    const { itemIds } = await planWithItems(t, t.org, 'archived');
    const { id } = (await officer.api('POST', '/api/v1/measures', measureBody({ code: 'LINK-2' }))).json();
    const before = await counts();
    const archived = await officer.api('POST', `/api/v1/measures/${id}/items`, { itemId: itemIds[0] });
    expect(archived.statusCode).toBe(409);
    expect(archived.json().detail).toContain('archived plan');
    expect(await counts()).toEqual(before);
    const person = await t.as('data-entry');
    expect(
      (await officer.api('POST', `/api/v1/measures/${id}/assignees`, { personId: person.personId })).statusCode,
    ).toBe(204);
    expect(
      (await officer.api('POST', `/api/v1/measures/${id}/assignees`, { personId: person.personId })).statusCode,
    ).toBe(409);
    const ward = await officer.api('POST', `/api/v1/measures/${id}/breakdowns`, {
      dimension: 'ward',
      code: 'E05000001',
      label: 'Abbey',
    });
    expect(ward.statusCode).toBe(201);
    const dup = await officer.api('POST', `/api/v1/measures/${id}/breakdowns`, {
      dimension: 'Ward',
      code: 'e05000001',
      label: 'Abbey again',
    });
    expect(dup.statusCode).toBe(409);
    const detail = (await officer.api('GET', `/api/v1/measures/${id}`)).json();
    expect(detail.assignees.map((a: { personId: string }) => a.personId)).toEqual([person.personId]);
    expect(detail.breakdowns).toMatchObject([{ dimension: 'ward', code: 'E05000001', label: 'Abbey' }]);
  });

  it('checks edit:measures at the measure unit: a manager of one service cannot change another', async () => {
    const serviceA = await childUnit(t, 'SVC-A');
    const serviceB = await childUnit(t, 'SVC-B');
    const managerA = await t.as('manager', { unitId: serviceA });
    const mine = await managerA.api('POST', '/api/v1/measures', measureBody({ code: 'A-1', ownerUnitId: serviceA }));
    expect(mine.statusCode).toBe(201);
    const before = await counts();
    const theirs = await managerA.api('POST', '/api/v1/measures', measureBody({ code: 'B-1', ownerUnitId: serviceB }));
    expect(theirs.statusCode).toBe(403);
    const councilWide = await managerA.api('POST', '/api/v1/measures', measureBody({ code: 'C-1' }));
    expect(councilWide.statusCode).toBe(403);
    const move = await managerA.api(
      'PUT',
      `/api/v1/measures/${mine.json().id}`,
      measureBody({ code: 'A-1', ownerUnitId: serviceB }),
    );
    expect(move.statusCode).toBe(403);
    expect(await counts()).toEqual(before);
    const viewer = await t.as('viewer');
    expect((await viewer.api('POST', '/api/v1/measures', measureBody({ code: 'V-1' }))).statusCode).toBe(403);
    expect((await viewer.api('GET', `/api/v1/measures/${mine.json().id}`)).statusCode).toBe(200);
    const underUnit = await viewer.api('GET', `/api/v1/measures?unitId=${t.org.rootUnitId}`);
    expect(underUnit.json().map((m: { code: string }) => m.code)).toContain('A-1');
  });

  it('keeps tenants apart', async () => {
    const other = await t.createOrganisation('Other District Council');
    const outsider = await t.as('administrator', { organisation: other });
    const officer = await t.as('performance-officer');
    const { id } = (await officer.api('POST', '/api/v1/measures', measureBody({ code: 'MINE-1' }))).json();
    expect((await outsider.api('GET', `/api/v1/measures/${id}`)).statusCode).toBe(404);
    expect((await outsider.api('GET', '/api/v1/measures')).json()).toEqual([]);
    const before = await counts();
    expect((await outsider.api('PUT', `/api/v1/measures/${id}`, measureBody({ code: 'MINE-1' }))).statusCode).toBe(404);
    expect((await outsider.api('POST', `/api/v1/measures/${id}/retire`, { reason: 'x' })).statusCode).toBe(404);
    expect(
      (
        await outsider.api('POST', `/api/v1/measures/${id}/targets`, {
          kind: 'annual',
          financialYear: '2025-26',
          value: 5,
        })
      ).statusCode,
    ).toBe(404);
    // The same code is free in another organisation.
    expect((await outsider.api('POST', '/api/v1/measures', measureBody({ code: 'MINE-1' }))).statusCode).toBe(201);
    // An item of another organisation cannot be linked.
    const { itemIds } = await planWithItems(t, other);
    const cross = await officer.api('POST', `/api/v1/measures/${id}/items`, { itemId: itemIds[0] });
    expect(cross.statusCode).toBe(400);
    expect((await counts()).links).toBe(before.links);
  });
});
