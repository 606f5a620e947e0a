/**
 * Risk registers through the API on both databases: create a register and risks, reassess (kept
 * as history), heat map counts now and at the previous quarter's end, escalation, the matrix
 * versioned under assessments, every bad input refused with nothing written, audit rows and
 * tenancy (another council's ids refused as not found).
 */
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actions, auditEvents, people, riskAssessments, riskMatrices, risks } from '../../../schema.ts';
import { measureBody, planWithItems } from '../../../../test/helpers/measure-fixtures.ts';
import { actionPageRisks, planPageRisks, strategicRiskReport } from '../index.ts';
import { runRiskReviewReminders } from '../review-reminders.job.ts';
import { type Agent, createTestApp, DATABASES, type TestApp } from '../../../../test/helpers/test-app.ts';

// Sessions last 8 hours: the test moves from 30 September to 1 October (London) within them.
const START = new Date('2026-09-30T18:00:00Z');
let now = START;

describe.each(DATABASES)('risk registers on %s', (kind) => {
  let t: TestApp;
  let admin: Agent;
  let viewer: Agent;
  let strategicId: string;
  let serviceId: string;

  const riskBody = (extra: Record<string, unknown> = {}) => ({
    reference: 'SR01',
    title: 'Medium-term financial gap',
    cause: 'Demand and inflation outpace funding',
    event: 'The council cannot set a balanced budget',
    effect: 'Section 114 notice; cuts to services',
    ownerPersonId: admin.personId,
    type: 'threat',
    category: 'financial',
    reviewFrequency: 'quarterly',
    nextReviewOn: '2026-10-31',
    inherentLikelihood: 5,
    inherentImpact: 5,
    currentLikelihood: 4,
    currentImpact: 5,
    targetLikelihood: 2,
    targetImpact: 4,
    commentary: 'First assessment',
    ...extra,
  });

  const rowsIn = async (table: typeof risks | typeof riskAssessments) =>
    (await t.deps.database.db.select({ n: count() }).from(table).where(eq(table.organisationId, t.org.id)))[0]!.n;

  beforeAll(async () => {
    now = START;
    t = await createTestApp(kind, { clock: () => now });
    admin = await t.as('administrator');
    viewer = await t.as('viewer');
    const make = async (name: string, level: string) => {
      const response = await admin.api('POST', '/api/v1/risk-registers', {
        name,
        level,
        unitId: t.org.rootUnitId,
        ownerPersonId: admin.personId,
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json().id as string;
    };
    strategicId = await make('Strategic risk register', 'strategic');
    serviceId = await make('Housing service risks', 'service');
  });
  afterAll(async () => t?.close());

  it('creates a risk with its first assessment on matrix version 1, and audits it', async () => {
    const response = await admin.api('POST', `/api/v1/risk-registers/${serviceId}/risks`, riskBody());
    expect(response.statusCode, response.body).toBe(201);
    const id = response.json().id;
    const risk = (await viewer.api('GET', `/api/v1/risks/${id}`)).json();
    expect(risk.current).toMatchObject({ likelihood: 4, impact: 5, score: 20, band: { label: 'Very high' } });
    expect(risk.matrixVersion).toBe(1);
    expect(risk.beyondAppetite).toBe(true);
    const audit = await t.deps.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'risk'), eq(auditEvents.entityId, id)));
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('keeps every reassessment, and counts the heat map now and at the end of the previous quarter', async () => {
    const [risk] = (await viewer.api('GET', '/api/v1/risks')).json();
    now = new Date('2026-10-01T01:00:00Z');
    const reassessed = await admin.api('POST', `/api/v1/risks/${risk.id}/assessments`, {
      inherentLikelihood: 5,
      inherentImpact: 5,
      currentLikelihood: 3,
      currentImpact: 4,
      targetLikelihood: 2,
      targetImpact: 4,
      commentary: 'Savings plan agreed',
    });
    expect(reassessed.statusCode, reassessed.body).toBe(201);
    const detail = (await viewer.api('GET', `/api/v1/risks/${risk.id}`)).json();
    expect(detail.history.map((h: { current: { score: number } }) => h.current.score)).toEqual([12, 20]);
    expect(detail.nextReviewOn).toBe('2027-01-01');

    const register = (await viewer.api('GET', `/api/v1/risk-registers/${serviceId}`)).json();
    const cell = (map: { cells: { likelihood: number; impact: number; count: number }[] }, l: number, i: number) =>
      map.cells.find((c) => c.likelihood === l && c.impact === i)!.count;
    expect(register.heatMap.previousQuarterEnd).toBe('2026-09-30');
    expect(cell(register.heatMap.now, 3, 4)).toBe(1);
    expect(cell(register.heatMap.previous, 4, 5)).toBe(1);
    expect(register.heatMap.now.total).toBe(1);
  });

  it('escalates a risk to a higher register with a reason, keeping its history', async () => {
    const [risk] = (await viewer.api('GET', '/api/v1/risks')).json();
    const noReason = await admin.api('POST', `/api/v1/risks/${risk.id}/escalate`, {
      registerId: strategicId,
      reason: '',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('reason');
    const down = await admin.api('POST', `/api/v1/risks/${risk.id}/de-escalate`, {
      registerId: strategicId,
      reason: 'Wrong way',
    });
    expect(down.statusCode).toBe(400);
    const up = await admin.api('POST', `/api/v1/risks/${risk.id}/escalate`, {
      registerId: strategicId,
      reason: 'Council-wide impact',
    });
    expect(up.statusCode, up.body).toBe(200);
    const detail = (await viewer.api('GET', `/api/v1/risks/${risk.id}`)).json();
    expect(detail.registerId).toBe(strategicId);
    expect(detail.events[0]).toMatchObject({
      kind: 'escalated',
      fromRegisterId: serviceId,
      toRegisterId: strategicId,
      reason: 'Council-wide impact',
    });
    expect(detail.history).toHaveLength(2);
  });

  it('refuses bad input with the problem named, writing nothing', async () => {
    const [left] = await t.deps.database.db
      .insert(people)
      .values({
        organisationId: t.org.id,
        name: 'Gone Person',
        email: `gone-${kind}@test.example`,
        status: 'left',
        leftOn: '2026-01-01',
      })
      .returning();
    const other = await t.createOrganisation('Other Borough');
    const outsider = await t.as('administrator', { organisation: other });
    const theirRegister = (
      await outsider.api('POST', '/api/v1/risk-registers', {
        name: 'Theirs',
        level: 'strategic',
        unitId: other.rootUnitId,
        ownerPersonId: outsider.personId,
      })
    ).json().id;
    const before = { risks: await rowsIn(risks), assessments: await rowsIn(riskAssessments) };
    const cases: [Record<string, unknown>, string, number][] = [
      [{ reference: 'X1', inherentLikelihood: 6 }, 'inherent likelihood must be a whole number from 1 to 5', 400],
      [{ reference: 'X2', currentImpact: 0 }, 'current impact must be a whole number from 1 to 5', 400],
      [
        { reference: 'X3', targetLikelihood: 5, targetImpact: 5, inherentLikelihood: 3, inherentImpact: 3 },
        'must not be higher than the inherent score',
        400,
      ],
      [{ reference: 'X4', nextReviewOn: '2026-09-30' }, 'must be today or later', 400],
      [{ reference: 'X5', ownerPersonId: left!.id }, 'Gone Person has left', 400],
      [{ reference: 'X6', ownerPersonId: outsider.personId }, 'Choose an owner', 404],
      [{ reference: 'X7', measureIds: [theirRegister] }, 'measure was not found', 404],
      [{ reference: 'X8', itemIds: [theirRegister] }, 'plan item was not found', 404],
      [{ reference: 'SR01' }, 'already used', 409],
    ];
    for (const [change, message, status] of cases) {
      const response = await admin.api('POST', `/api/v1/risk-registers/${strategicId}/risks`, riskBody(change));
      expect(response.statusCode, `${JSON.stringify(change)}: ${response.body}`).toBe(status);
      expect(response.json().detail).toContain(message);
    }
    const theirs = await admin.api(
      'POST',
      `/api/v1/risk-registers/${theirRegister}/risks`,
      riskBody({ reference: 'X9' }),
    );
    expect(theirs.statusCode).toBe(404);
    const [risk] = (await viewer.api('GET', '/api/v1/risks')).json();
    const noCloseReason = await admin.api('POST', `/api/v1/risks/${risk.id}/close`, { reason: ' ' });
    expect(noCloseReason.statusCode).toBe(400);
    expect(await rowsIn(risks)).toBe(before.risks);
    expect(await rowsIn(riskAssessments)).toBe(before.assessments);
  });

  it('never changes a matrix version an assessment uses: a change becomes the next version', async () => {
    const settings = (await viewer.api('GET', '/api/v1/risk-matrix')).json();
    const changed = { ...settings.current, bands: [...settings.current.bands] };
    delete changed.version;
    changed.bands[0] = { ...changed.bands[0], label: 'Minimal' };
    const inPlace = await admin.api('PUT', '/api/v1/risk-matrix/versions/1', changed);
    expect(inPlace.statusCode).toBe(409);
    expect(inPlace.json().detail).toContain('Version 1 of the risk matrix is used by 2 assessments');
    const saved = await admin.api('PUT', '/api/v1/risk-matrix', changed);
    expect(saved.json()).toEqual({ version: 2, kind: 'new-version' });
    const versions = await t.deps.database.db
      .select()
      .from(riskMatrices)
      .where(eq(riskMatrices.organisationId, t.org.id));
    expect(versions.find((v) => v.version === 1)!.bands[0]!.label).toBe('Low');
    const [risk] = (await viewer.api('GET', '/api/v1/risks')).json();
    expect(risk.matrixVersion).toBe(1);
  });

  it('answers 404 to another council for this council’s register and risk', async () => {
    const other = await t.createOrganisation('Third Borough');
    const outsider = await t.as('administrator', { organisation: other });
    const [risk] = (await viewer.api('GET', '/api/v1/risks')).json();
    expect((await outsider.api('GET', `/api/v1/risks/${risk.id}`)).statusCode).toBe(404);
    expect((await outsider.api('GET', `/api/v1/risk-registers/${strategicId}`)).statusCode).toBe(404);
    expect((await outsider.api('POST', `/api/v1/risks/${risk.id}/close`, { reason: 'Mine now' })).statusCode).toBe(404);
    expect((await outsider.api('GET', '/api/v1/risks')).json()).toEqual([]);
    expect((await outsider.get(`/risks/${risk.id}`)).statusCode).toBe(404);
  });

  it('reminds the owner of an overdue review once for each missed review date', async () => {
    const created = await admin.api(
      'POST',
      `/api/v1/risk-registers/${serviceId}/risks`,
      riskBody({ reference: 'SV07', nextReviewOn: '2026-10-01' }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const mails: { to: string; subject: string; text: string }[] = [];
    const deps = {
      db: t.deps.database.db,
      mailer: async (m: (typeof mails)[number]) => void mails.push(m),
      baseUrl: 'https://gt.example',
      now: () => now,
    };
    const notDue = await runRiskReviewReminders(deps, '2026-10-01');
    expect(notDue.sent.filter((s) => s.reference === 'SV07')).toEqual([]);
    const first = await runRiskReviewReminders(deps, '2026-10-02');
    const mine = (summary: typeof first) => summary.sent.filter((s) => s.reference === 'SV07');
    expect(mine(first)).toEqual([{ to: admin.email, reference: 'SV07', due: '2026-10-01' }]);
    expect(mails.find((m) => m.subject.includes('SV07'))!.text).toContain(
      `https://gt.example/risks/${created.json().id}`,
    );
    expect(mine(await runRiskReviewReminders(deps, '2026-10-03'))).toEqual([]);
    const withoutMail = await runRiskReviewReminders({ ...deps, mailer: undefined }, '2026-10-03');
    expect(withoutMail.sent).toEqual([]);
  });

  it('links a risk to objectives, measures and actions, found by search, kept when its details change', async () => {
    const { planId, itemIds } = await planWithItems(t);
    const measure = await admin.api('POST', '/api/v1/measures', measureBody({ code: 'RL-01' }));
    expect(measure.statusCode, measure.body).toBe(201);
    const [action] = await t.deps.database.db
      .insert(actions)
      .values({
        organisationId: t.org.id,
        planId,
        code: 'ACT-RL1',
        title: 'Renew the 100% firewall',
        ownerPersonId: admin.personId,
        escalationOwnerPersonId: admin.personId,
        startDate: '2026-09-01',
        originalDueDate: '2027-03-31',
      })
      .returning();
    const created = await admin.api(
      'POST',
      `/api/v1/risk-registers/${serviceId}/risks`,
      riskBody({ reference: 'LK1' }),
    );
    const id = created.json().id as string;
    // A search's wildcard characters are taken literally.
    const found = await admin.get(`/risks/${id}/links?q=${encodeURIComponent('100%')}`);
    expect(found.body).toContain(action!.id);
    expect((await admin.get(`/risks/${id}/links?q=${encodeURIComponent('1_0')}`)).body).not.toContain(action!.id);

    const saved = await admin.post(`/risks/${id}/links`, {
      itemIds: itemIds[0],
      measureIds: measure.json().id,
      actionIds: action!.id,
    });
    expect(saved.statusCode, saved.body).toBe(302);
    const { ownerPersonId: _o, ...details } = riskBody({ reference: 'LK1', title: 'Renamed' });
    const put = await admin.api('PUT', `/api/v1/risks/${id}`, { ...details, ownerPersonId: admin.personId });
    expect(put.statusCode, put.body).toBe(200);
    const links = (await viewer.api('GET', `/api/v1/risks/${id}`)).json().links;
    expect(links.items.map((l: { id: string }) => l.id)).toEqual([itemIds[0]]);
    expect(links.measures.map((l: { code: string }) => l.code)).toEqual(['RL-01']);
    expect(links.actions.map((l: { code: string }) => l.code)).toEqual(['ACT-RL1']);

    // The other side: the objective's page lists the risk, for those who may see risks only.
    const itemPage = await admin.get(`/items/${itemIds[0]}`);
    expect(itemPage.body).toContain('Risks to this item');
    expect(itemPage.body).toContain('LK1');
    const clerk = await t.deps.services.auth.principalFor((await t.as('data-entry')).personId);
    const port = planPageRisks(t.deps.database.db);
    expect(await port.risksConcerningItem(clerk as never, itemIds[0])).toEqual([]);
    const measurePage = await admin.get(`/measures/${measure.json().id}`);
    expect(measurePage.body).toContain('Risks to this measure');
    expect(measurePage.body).toContain(`href="/risks/${id}"`);
    const actionPage = await admin.get(`/actions/${action!.id}`);
    expect(actionPage.body).toContain('Risks to this action');
    expect(actionPage.body).toContain(`href="/risks/${id}"`);
    expect(await actionPageRisks(t.deps.database.db).risksConcerningAction(clerk as never, action!.id)).toEqual([]);

    const other = await t.createOrganisation('Linking Borough');
    const theirs = await planWithItems(t, other);
    const refused = await admin.post(`/risks/${id}/links`, { itemIds: theirs.itemIds[0] });
    expect(refused.statusCode).toBe(404);
    expect(refused.body).toContain('A linked plan item was not found in this council');
    expect((await viewer.api('GET', `/api/v1/risks/${id}`)).json().links.items).toHaveLength(1);
    const audit = await t.deps.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'risk'), eq(auditEvents.entityId, id)));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['link', 'update']));
    // An objective a risk concerns can still be removed from its draft plan; the link goes with it.
    const removed = await admin.api('DELETE', `/api/v1/items/${itemIds[0]}`);
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await viewer.api('GET', `/api/v1/risks/${id}`)).json().links.items).toEqual([]);
  });

  it('refuses a viewer a change', async () => {
    const response = await viewer.api(
      'POST',
      `/api/v1/risk-registers/${strategicId}/risks`,
      riskBody({ reference: 'V1' }),
    );
    expect(response.statusCode).toBe(403);
  });

  it('gives the quarterly report the strategic register at a period’s end, its heat maps then and before, and the risks that rose', async () => {
    const kept = now;
    // 21:00 on 5 October in London, then 00:30 on the 6th: a new London date within the session.
    now = new Date('2026-10-05T20:00:00Z');
    const officer = await t.as('administrator');
    const make = async (reference: string, likelihood: number, impact: number) => {
      const response = await officer.api(
        'POST',
        `/api/v1/risk-registers/${strategicId}/risks`,
        riskBody({
          reference,
          ownerPersonId: officer.personId,
          nextReviewOn: '2026-12-31',
          currentLikelihood: likelihood,
          currentImpact: impact,
          targetLikelihood: 1,
          targetImpact: 1,
        }),
      );
      expect(response.statusCode, response.body).toBe(201);
      return response.json().id as string;
    };
    const rising = await make('QR1', 2, 3);
    await make('QR2', 3, 3);
    now = new Date('2026-10-05T23:30:00Z');
    const again = await officer.api('POST', `/api/v1/risks/${rising}/assessments`, {
      inherentLikelihood: 5,
      inherentImpact: 5,
      currentLikelihood: 4,
      currentImpact: 4,
      targetLikelihood: 1,
      targetImpact: 1,
      commentary: 'Supplier failed',
    });
    expect(again.statusCode, again.body).toBe(201);
    now = kept;

    const principal = await t.deps.services.auth.principalFor(officer.personId);
    if (principal?.kind !== 'person') throw new Error('no principal for the officer');
    const report = await strategicRiskReport(t.deps.database.db, principal, { start: '2026-10-06', end: '2026-12-31' });
    if (!report.ok) throw new Error(report.error.message);
    const r = report.value;
    expect(r.previousOn).toBe('2026-10-05');
    const references = r.risks.map((x) => x.reference);
    expect(references).toEqual(expect.arrayContaining(['QR1', 'QR2']));
    expect(r.risks.every((x) => x.registerName === 'Strategic risk register')).toBe(true);
    expect(r.risen.map((x) => [x.reference, x.previous?.score, x.current.score])).toEqual([['QR1', 6, 16]]);
    const count = (map: typeof r.heatMap.now, l: number, i: number) =>
      map.table.find((row) => row.likelihood === l)!.cells.find((c) => c.impact === i)!.count;
    expect(count(r.heatMap.now, 4, 4)).toBeGreaterThanOrEqual(1);
    expect(count(r.heatMap.previous, 2, 3)).toBe(1);
    expect(count(r.heatMap.now, 2, 3)).toBe(0);
    expect(r.heatMap.now.map.total).toBe(r.risks.length);
    expect(r.heatMap.now.svg).toContain('<svg');
    // Before the risks existed the strategic register held neither.
    const earlier = await strategicRiskReport(t.deps.database.db, principal, {
      start: '2026-07-01',
      end: '2026-09-30',
    });
    expect(earlier.ok && earlier.value.risks.map((x) => x.reference)).not.toContain('QR1');
    const outsider = await t.deps.services.auth.principalFor((await t.as('data-entry')).personId);
    expect(
      (await strategicRiskReport(t.deps.database.db, outsider as never, { start: '2026-10-06', end: '2026-12-31' })).ok,
    ).toBe(false);
  });
});
