import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  planTypes,
  projectItems,
  projectMilestones,
  projects,
  projectStages,
  projectUpdates,
} from '../../../schema.ts';
import { type Agent, createTestApp, DATABASES, type TestApp } from '../../../../test/helpers/test-app.ts';
import { fixedClock } from '../../../platform/clock.ts';
import { insertPlan } from '../../../../test/helpers/items-fixtures.ts';
import { createProjectRollupContributions, projectRollupContributions } from '../index.ts';
import { insertProjectWorld, type ProjectWorld } from './projects-fixtures.ts';

// Projects through the API on both databases: what is written (and audited), what is refused with
// nothing written, another council's records, and what projects tell the roll-up.
describe.each(DATABASES)('projects on %s', (kind) => {
  let t: TestApp;
  let world: ProjectWorld;
  let admin: Agent;
  let n = 0;
  const body = (extra: Record<string, unknown> = {}) => {
    n += 1;
    return {
      code: `PRJ-${n}`,
      title: `Project ${n}`,
      description: 'A project',
      planId: world.planId,
      itemIds: [world.itemIds[0]],
      sponsorPersonId: world.sponsorId,
      managerPersonId: world.managerId,
      boardId: world.boardId,
      startDate: '2026-04-01',
      endDate: '2027-03-31',
      budget: '£2,500,000.00',
      key: true,
      ...extra,
    };
  };
  const report = (extra: Record<string, unknown> = {}) => ({
    reportedOn: '2026-06-30',
    timeRag: 'green',
    costRag: 'amber',
    scopeRag: 'green',
    qualityRag: 'green',
    overallRag: 'amber',
    percentComplete: 25,
    commentary: 'Design signed off',
    ...extra,
  });
  async function footprint() {
    const db = t.deps.database.db;
    const tables = [auditEvents, projects, projectItems, projectStages, projectMilestones, projectUpdates];
    return Promise.all(tables.map(async (table) => (await db.select({ n: count() }).from(table))[0]!.n));
  }
  async function created(extra: Record<string, unknown> = {}) {
    const response = await admin.api('POST', '/api/v1/projects', body(extra));
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string; code: string }>();
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    world = await insertProjectWorld(t.deps.database.db, t.org.id, t.org.rootUnitId);
    admin = await t.as('administrator');
  });
  afterAll(async () => t?.close());

  it('creates a project with its items, budget in pence and board, and audits it', async () => {
    const project = await created();
    const detail = await admin.api('GET', `/api/v1/projects/${project.id}`);
    expect(detail.json()).toMatchObject({
      budgetPence: 250_000_000,
      budget: '£2,500,000.00',
      status: 'proposed',
      boardId: world.boardId,
      sponsorName: 'Sian Sponsor',
      itemIds: [world.itemIds[0]],
      key: true,
    });
    const audit = (await t.deps.database.db.select().from(auditEvents)).filter(
      (event) => event.entityId === project.id,
    );
    expect(audit.map((event) => event.action)).toEqual(['create']);
  });

  it('refuses a duplicate code, whatever its case', async () => {
    const project = await created();
    const response = await admin.api('POST', '/api/v1/projects', body({ code: project.code.toLowerCase() }));
    expect(response.statusCode).toBe(409);
  });

  it('revises the end date only with a reason, keeping the original', async () => {
    const project = await created();
    const moved = body({ code: project.code, endDate: '2027-09-30', itemIds: world.itemIds });
    const before = await footprint();
    const refused = await admin.api('PUT', `/api/v1/projects/${project.id}`, moved);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toBe('endDateReason');
    expect(await footprint()).toEqual(before);
    const changed = await admin.api('PUT', `/api/v1/projects/${project.id}`, {
      ...moved,
      endDateReason: 'Contractor went into administration',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ endDate: '2027-09-30', originalEndDate: '2027-03-31' });
    const again = await admin.api('PUT', `/api/v1/projects/${project.id}`, {
      ...moved,
      endDate: '2027-12-31',
      endDateReason: 'Further delay',
    });
    expect(again.json()).toMatchObject({
      endDate: '2027-12-31',
      originalEndDate: '2027-03-31',
      endDateReason: 'Further delay',
    });
    const detail = await admin.api('GET', `/api/v1/projects/${project.id}`);
    expect(detail.json().itemIds.sort()).toEqual([...world.itemIds].sort());
  });

  describe('refuses bad input with an error naming the problem, writing nothing', () => {
    it.each([
      ['an end before the start', () => ({ endDate: '2026-03-01' }), 'endDate', /on or after the start/],
      ['a budget that is not money', () => ({ budget: '£12.345' }), 'budget', /pounds and pence/],
      ['a sponsor who has left', () => ({ sponsorPersonId: world.leaverId }), 'sponsorPersonId', /Len Leaver has left/],
      ['a manager who has left', () => ({ managerPersonId: world.leaverId }), 'managerPersonId', /has left/],
    ])('%s', async (_label, extra, field, message) => {
      const before = await footprint();
      const response = await admin.api('POST', '/api/v1/projects', body(extra()));
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0]).toMatchObject({ field });
      expect(response.json().errors[0].message).toMatch(message);
      expect(await footprint()).toEqual(before);
    });

    it("another council's plan item, board or person", async () => {
      const other = await t.createOrganisation('Other Borough');
      const theirs = await insertProjectWorld(t.deps.database.db, other.id, other.rootUnitId);
      const before = await footprint();
      for (const [extra, field] of [
        [{ itemIds: [theirs.itemIds[0]] }, 'itemIds'],
        [{ boardId: theirs.boardId }, 'boardId'],
        [{ planId: theirs.planId }, 'planId'],
        [{ sponsorPersonId: theirs.sponsorId }, 'sponsorPersonId'],
      ] as const) {
        const response = await admin.api('POST', '/api/v1/projects', body(extra));
        expect(response.statusCode, field).toBe(400);
        expect(response.json().errors[0].field).toBe(field);
      }
      expect(await footprint()).toEqual(before);
    });
  });

  it('refuses an individual plan (a person’s own objectives), writing nothing', async () => {
    const db = t.deps.database.db;
    const [type] = await db
      .insert(planTypes)
      .values({
        organisationId: t.org.id,
        key: 'individual-plan',
        name: 'Individual plan',
        level: 6,
        templateSections: [],
      })
      .returning({ id: planTypes.id });
    const planId = await insertPlan(db, t.org.id, {
      type: type!.id,
      title: 'Sam’s objectives',
      owningUnitId: t.org.rootUnitId,
    });
    const before = await footprint();
    const response = await admin.api('POST', '/api/v1/projects', body({ planId }));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ field: 'planId' });
    expect(await footprint()).toEqual(before);
  });

  it('reorders stages with up and down buttons (no script), swapping places under the unique index, audited', async () => {
    const project = await created();
    const url = `/api/v1/projects/${project.id}`;
    const ids: string[] = [];
    for (const name of ['Design', 'Build', 'Handover']) {
      const stage = await admin.api('POST', `${url}/stages`, { name, startDate: '2026-04-01', endDate: '2026-09-30' });
      ids.push(stage.json().id);
    }
    const order = async () =>
      (await admin.api('GET', url))
        .json()
        .stages.map((stage: { name: string; position: number }) => [stage.position, stage.name]);
    const page = await admin.get(`/projects/${project.id}`);
    expect(page.body).toContain(`action="/projects/${project.id}/stages/${ids[2]}/move"`);
    expect(page.body).toContain('Move up<span class="govuk-visually-hidden"> stage Handover</span>');
    expect(page.body).not.toContain('Move up<span class="govuk-visually-hidden"> stage Design</span>');

    const moved = await admin.post(`/projects/${project.id}/stages/${ids[2]}/move`, { direction: 'up' });
    expect(moved.statusCode).toBe(302);
    expect(await order()).toEqual([
      [1, 'Design'],
      [2, 'Handover'],
      [3, 'Build'],
    ]);
    await admin.post(`/projects/${project.id}/stages/${ids[0]}/move`, { direction: 'down' });
    expect(await order()).toEqual([
      [1, 'Handover'],
      [2, 'Design'],
      [3, 'Build'],
    ]);
    const first = await admin.post(`/projects/${project.id}/stages/${ids[2]}/move`, { direction: 'up' });
    expect(first.statusCode).toBe(409);
    expect(first.body).toContain('This stage is first already');
    expect(
      (await admin.post(`/projects/${project.id}/stages/${ids[1]}/move`, { direction: 'sideways' })).statusCode,
    ).toBe(404);
    const audits = await t.deps.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, project.id), eq(auditEvents.action, 'move-stage')));
    expect(audits).toHaveLength(2);
  });

  it('runs the lifecycle: reports, milestones, no close with open milestones, nothing after closing', async () => {
    const project = await created();
    const url = `/api/v1/projects/${project.id}`;
    expect((await admin.api('POST', `${url}/status`, { action: 'start' })).statusCode).toBe(200);
    const stage = await admin.api('POST', `${url}/stages`, {
      name: 'Design',
      startDate: '2026-04-01',
      endDate: '2026-09-30',
    });
    expect(stage.json()).toMatchObject({ position: 1 });
    const milestone = await admin.api('POST', `${url}/milestones`, {
      title: 'Planning permission',
      dueDate: '2026-07-31',
      stageId: stage.json().id,
    });
    expect(milestone.statusCode, milestone.body).toBe(201);
    const milestoneUrl = `${url}/milestones/${milestone.json().id}`;

    let before = await footprint();
    const outOfRange = await admin.api('POST', `${url}/updates`, report({ percentComplete: 101 }));
    expect(outOfRange.statusCode).toBe(400);
    expect(outOfRange.json().errors[0].field).toBe('percentComplete');
    const noReason = await admin.api('POST', `${milestoneUrl}/revise`, { revisedDueDate: '2026-09-30', reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].field).toBe('reason');
    const closing = await admin.api('POST', `${url}/status`, { action: 'close' });
    expect(closing.statusCode).toBe(409);
    expect(closing.json().detail).toMatch(/1 milestone is not complete/);
    expect(await footprint()).toEqual(before);

    expect((await admin.api('POST', `${url}/updates`, report())).statusCode).toBe(201);
    expect(
      (await admin.api('POST', `${url}/updates`, report({ reportedOn: '2026-07-31', overallRag: 'green' }))).statusCode,
    ).toBe(201);
    const revised = await admin.api('POST', `${milestoneUrl}/revise`, {
      revisedDueDate: '2026-09-30',
      reason: 'Committee moved',
    });
    expect(revised.json()).toMatchObject({ dueDate: '2026-07-31', revisedDueDate: '2026-09-30' });
    expect((await admin.api('POST', `${milestoneUrl}/complete`, { completedOn: '2026-09-15' })).statusCode).toBe(200);
    expect((await admin.api('POST', `${url}/status`, { action: 'close' })).json()).toMatchObject({ status: 'closed' });

    const detail = (await admin.api('GET', url)).json();
    expect(detail.updates.map((update: { overallRag: string }) => update.overallRag)).toEqual(['green', 'amber']);
    before = await footprint();
    const late = await admin.api('POST', `${url}/updates`, report());
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toMatch(/closed/);
    expect(await footprint()).toEqual(before);
    const audit = (await t.deps.database.db.select().from(auditEvents)).filter(
      (event) => event.entityId === project.id,
    );
    expect(audit.map((event) => event.action)).toEqual([
      'create',
      'start',
      'add-stage',
      'add-milestone',
      'highlight-report',
      'highlight-report',
      'revise-milestone',
      'complete-milestone',
      'close',
    ]);
  });

  it('cancels only with a reason, and takes no report once cancelled', async () => {
    const project = await created();
    const url = `/api/v1/projects/${project.id}`;
    const before = await footprint();
    const refused = await admin.api('POST', `${url}/status`, { action: 'cancel', reason: '' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({
      field: 'reason',
      message: 'Enter the reason for cancelling the project',
    });
    expect(await footprint()).toEqual(before);
    expect(
      (await admin.api('POST', `${url}/status`, { action: 'cancel', reason: 'Funding withdrawn' })).json(),
    ).toMatchObject({
      status: 'cancelled',
      statusReason: 'Funding withdrawn',
    });
    expect((await admin.api('POST', `${url}/updates`, report())).statusCode).toBe(409);
  });

  it("treats another council's project as not found, and lists only the council's own", async () => {
    const project = await created();
    const other = await t.createOrganisation('Elsewhere');
    const stranger = await t.as('administrator', { organisation: other });
    expect((await stranger.api('GET', `/api/v1/projects/${project.id}`)).statusCode).toBe(404);
    expect((await stranger.api('PUT', `/api/v1/projects/${project.id}`, body())).statusCode).toBe(404);
    expect((await stranger.api('POST', `/api/v1/projects/${project.id}/updates`, report())).statusCode).toBe(404);
    expect((await stranger.api('GET', '/api/v1/projects')).json()).toEqual([]);
  });

  it('filters the list by manager and status', async () => {
    const project = await created({ managerPersonId: world.sponsorId });
    const list = await admin.api('GET', `/api/v1/projects?manager=${world.sponsorId}&status=proposed`);
    expect(list.json().map((row: { id: string }) => row.id)).toEqual([project.id]);
  });

  it('tells the roll-up each open project by item: no data until reported, the latest overall RAG after, nothing once closed', async () => {
    const other = await t.createOrganisation('Rollup Borough');
    const mine = await insertProjectWorld(t.deps.database.db, other.id, other.rootUnitId);
    const officer = await t.as('administrator', { organisation: other });
    const make = async (code: string, itemIds: string[], endDate = '2027-03-31') => {
      const response = await officer.api('POST', '/api/v1/projects', {
        ...body({ code, itemIds, endDate }),
        planId: mine.planId,
        sponsorPersonId: mine.sponsorId,
        managerPersonId: mine.managerId,
        boardId: mine.boardId,
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<{ id: string }>().id;
    };
    const build = await make('BUILD', mine.itemIds);
    const digital = await make('DIGITAL', [mine.itemIds[1]], '2026-06-30');
    const finished = await make('DONE', [mine.itemIds[1]]);
    for (const id of [build, digital, finished])
      await officer.api('POST', `/api/v1/projects/${id}/status`, { action: 'start' });
    await officer.api('POST', `/api/v1/projects/${digital}/updates`, report({ overallRag: 'red', timeRag: 'amber' }));
    await officer.api('POST', `/api/v1/projects/${finished}/status`, { action: 'close' });

    const rollup = createProjectRollupContributions(fixedClock('2026-07-15T12:00:00Z'));
    const found = await rollup.contributionsTo(t.deps.database.db, other.id, mine.itemIds);
    const summary = found.map((c) => [
      c.code,
      c.itemId === mine.itemIds[0] ? 'O1' : 'O2',
      c.status,
      c.onTargetInTime,
      c.kind,
    ]);
    expect(summary.sort()).toEqual(
      [
        ['BUILD', 'O1', 'no-data', null, 'project'],
        ['BUILD', 'O2', 'no-data', null, 'project'],
        // Past its end date of 30 June, so not on target in time whatever time's RAG says.
        ['DIGITAL', 'O2', 'red', false, 'project'],
      ].sort(),
    );
    expect(found.find((c) => c.code === 'DIGITAL')?.href).toBe(`/projects/${digital}`);
    // Another council's items bring nothing back (the port as exported, on the system clock).
    expect(await projectRollupContributions.contributionsTo(t.deps.database.db, t.org.id, mine.itemIds)).toEqual([]);
  });
});
