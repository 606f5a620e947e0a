import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projects, units } from '../schema.ts';
import { createTestApp, PAGE_DATABASES, type TestApp } from '../../test/helpers/test-app.ts';
import { createProjectRollupContributions } from '../modules/projects/index.ts';
import { shiftIso } from './demo-projects.loader.ts';

// The demo council's two projects, as loaded with the rest of it (PGlite: plain inserts).
describe.each(PAGE_DATABASES)('demo projects on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { demo: true });
  });
  afterAll(async () => t?.close());

  it('loads a late leisure centre and an on-track digital project, each feeding Council Plan items', async () => {
    const organisationId = t.demo!.organisationId;
    const rows = await t.deps.database.db.select().from(projects).where(eq(projects.organisationId, organisationId));
    expect(rows.map((row) => row.code).sort()).toEqual(['CAP-LC1', 'DIG-CS1']);
    const leisure = rows.find((row) => row.code === 'CAP-LC1')!;
    expect(leisure.originalEndDate! < leisure.endDate).toBe(true);

    const [root] = await t.deps.database.db.select().from(units).where(eq(units.code, 'COUNCIL'));
    const director = await t.as('director', { organisation: { id: organisationId, rootUnitId: root!.id } });
    const detail = (await director.api('GET', `/api/v1/projects/${leisure.id}`)).json();
    expect(detail.updates[0]).toMatchObject({ timeRag: 'red', costRag: 'amber' });
    expect(detail.milestones.some((m: { revisedDueDate: string | null }) => m.revisedDueDate)).toBe(true);
    const page = await director.get(`/projects/${leisure.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Kelsford Leisure Centre rebuild');

    const itemIds = [
      ...new Set([
        ...(detail.itemIds as string[]),
        ...((await director.api('GET', `/api/v1/projects/${rows.find((row) => row.code === 'DIG-CS1')!.id}`)).json()
          .itemIds as string[]),
      ]),
    ];
    const contributions = await createProjectRollupContributions(t.deps.clock).contributionsTo(
      t.deps.database.db,
      organisationId,
      itemIds,
    );
    const byCode = (code: string) =>
      contributions.filter((c) => c.code === code).map((c) => [c.status, c.onTargetInTime]);
    expect(byCode('CAP-LC1')).toEqual([['amber', false]]);
    expect(byCode('DIG-CS1')).toEqual([
      ['green', true],
      ['green', true],
    ]);
  });

  it('moves dates by whole months, clamping to the month’s end', () => {
    expect(shiftIso('2026-01-31', 1)).toBe('2026-02-28');
    expect(shiftIso('2026-03-15', -14)).toBe('2025-01-15');
    expect(shiftIso('2026-03-15', 0, -20)).toBe('2026-02-23');
  });
});
