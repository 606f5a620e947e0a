/**
 * Kept pages survive data entry (issue 21's load): a figure saved as a draft, submitted or returned
 * for correction changes nothing a kept page shows while it is not official, so it leaves the
 * council's data version where it was (migration 0039, and the status recalculation moving it only
 * when a stored status changes), and every kept page is still what a process that keeps nothing
 * builds. What does change them moves it: a sign-off, a target, a measure's edit, and a submission
 * when the council counts submitted figures as official. On both databases: the rule is a trigger
 * and a comparison in SQL.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../app.ts';
import { assembleDeps } from '../../../container.ts';
import { loadConfig } from '../../../platform/config.ts';
import { readDataVersion } from '../../../platform/data-version/data-version.ts';
import { buildFixture, type Fixture, today } from '../../../../test/helpers/performance-fixtures.ts';
import { enteredMeasure, measureBody } from '../../../../test/helpers/measure-fixtures.ts';
import { createTestApp, DATABASES, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';

const CODE = 'ENTRY-1';
const PERIOD = '2025-26-Q2';

interface Listed {
  code: string;
  title: string;
  status: string;
  value: string | null;
}

describe.each(DATABASES)('data entry keeps kept pages on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  let officer: Agent;
  let enterer: Agent;
  let verifier: Agent;
  let measureId: string;
  /** The row version of the entered figure after the last write, for the next save. */
  let rowVersion = 0;
  let targetId: string;
  /** Every kept view: the dashboards' answers and the pages (with the navigation) the load test visits. */
  let views: { url: string; as: () => Agent }[];

  const version = () => readDataVersion(t.deps.database.db, t.org.id);

  async function seen(app: FastifyInstance, view: { url: string; as: () => Agent }): Promise<string> {
    const agent = view.as();
    const answer = await app.inject({ method: 'GET', url: view.url, headers: { cookie: agent.cookie } });
    expect(answer.statusCode, `${view.url}: ${answer.body.slice(0, 500)}`).toBe(200);
    return answer.body;
  }

  /** Every view through the kept app, against the same views built by a new app process that keeps nothing. */
  async function keptAndFresh(): Promise<{ kept: Record<string, string>; fresh: Record<string, string> }> {
    const config = loadConfig({ NODE_ENV: 'test', SEED_DEMO: 'false', SESSION_SECRET: 'x'.repeat(40) });
    const fresh = await buildApp(assembleDeps(config, t.deps.database, t.deps.clock));
    try {
      await fresh.ready();
      const out = { kept: {} as Record<string, string>, fresh: {} as Record<string, string> };
      for (const view of views) {
        out.kept[view.url] = await seen(t.app, view);
        out.fresh[view.url] = await seen(fresh, view);
      }
      return out;
    } finally {
      await fresh.close();
    }
  }

  async function councilListing(): Promise<Listed | undefined> {
    const body = await seen(t.app, { url: '/api/v1/performance/dashboard', as: () => officer });
    return (JSON.parse(body).keyMeasures as Listed[]).find((entry) => entry.code === CODE);
  }

  const enter = (action: 'save' | 'submit', value: number, rowVersion?: number) =>
    enterer.api('PUT', `/api/v1/measures/${measureId}/values/${PERIOD}`, {
      value,
      commentary: 'Fewer empty homes came back than planned',
      action,
      ...(rowVersion === undefined ? {} : { rowVersion }),
    });
  const transition = (agent: Agent, valueId: string, action: string, reason = '') =>
    agent.api('POST', `/api/v1/values/${valueId}/transitions`, { action, reason });

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: () => today });
    f = await buildFixture(t);
    await t.deps.services.performance.recompute(t.deps.database.db, t.org.id, 'all');
    officer = await t.as('performance-officer');
    enterer = await t.as('data-entry');
    verifier = await t.as('viewer');
    ({ id: measureId, targetId } = await enteredMeasure(
      officer,
      {
        code: CODE,
        title: 'Homes brought back into use',
        isKey: true,
        ownerUnitId: f.unitA,
        verifierPersonId: verifier.personId,
      },
      enterer.personId,
    ));
    views = [
      { url: '/api/v1/performance/dashboard', as: () => officer },
      { url: `/api/v1/performance/units/${f.unitA}/dashboard`, as: () => officer },
      { url: '/api/v1/performance/mine/dashboard', as: () => enterer },
      { url: '/performance', as: () => officer },
      { url: `/performance/units/${f.unitA}`, as: () => officer },
      { url: '/performance/mine', as: () => enterer },
      { url: '/performance/measures', as: () => officer },
      { url: `/performance/measures?unit=${f.unitA}&status=red&status=amber`, as: () => officer },
    ];
  });
  afterAll(async () => {
    await t?.close();
  });

  it('leaves the version, and every kept page equal to a fresh one, through a draft, a submission and a return', async () => {
    const first = await keptAndFresh();
    expect(first.kept).toEqual(first.fresh);
    const at = await version();

    const draft = await enter('save', 50);
    expect(draft.statusCode, draft.body).toBe(200);
    const submitted = await enter('submit', 51, draft.json().rowVersion as number);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().status).toBe('submitted');
    expect(await version()).toBe(at);
    const afterSubmission = await keptAndFresh();
    expect(afterSubmission.kept).toEqual(afterSubmission.fresh);

    const returned = await transition(verifier, submitted.json().id as string, 'return', 'Leaves out September');
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json().status).toBe('returned');
    rowVersion = returned.json().rowVersion as number;
    expect(await version()).toBe(at);
    const afterReturn = await keptAndFresh();
    expect(afterReturn.kept).toEqual(afterReturn.fresh);
    // Not one page changed: what data entry wrote was never official.
    expect(afterReturn.kept).toEqual(first.kept);
  });

  it('moves the version on a sign-off, a target change and a measure edit, and the next view shows each', async () => {
    const resubmitted = await enter('submit', 50, rowVersion);
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    expect(await councilListing()).toMatchObject({ value: null });

    let at = await version();
    const verified = await transition(verifier, resubmitted.json().id as string, 'verify');
    expect(verified.statusCode, verified.body).toBe(200);
    expect(await version()).toBeGreaterThan(at);
    expect(await councilListing()).toMatchObject({ status: 'red', value: '50.0%' });

    at = await version();
    const lowered = await officer.api('POST', `/api/v1/measures/${measureId}/targets/${targetId}/revisions`, {
      value: 45,
      effectiveFrom: '2025-04-01',
      reason: 'Fewer empty homes than the plan assumed',
    });
    expect(lowered.statusCode, lowered.body).toBe(201);
    expect(await version()).toBeGreaterThan(at);
    expect(await councilListing()).toMatchObject({ status: 'green', value: '50.0%' });

    at = await version();
    const renamed = await officer.api(
      'PUT',
      `/api/v1/measures/${measureId}`,
      measureBody({
        code: CODE,
        title: 'Empty homes back in use',
        isKey: true,
        ownerUnitId: f.unitA,
        verifierPersonId: verifier.personId,
      }),
    );
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await version()).toBeGreaterThan(at);
    expect(await councilListing()).toMatchObject({ title: 'Empty homes back in use' });

    const after = await keptAndFresh();
    expect(after.kept).toEqual(after.fresh);
  });

  it('moves the version on a submission when the council counts submitted figures as official', async () => {
    const admin = await t.as('administrator');
    const current = (await admin.api('GET', '/api/v1/settings/performance')).json();
    const { isDefault: _d, updatedAt: _u, updatedBy: _b, words: _w, ...settings } = current;
    const changed = await admin.api('PUT', '/api/v1/settings/performance', { ...settings, officialFrom: 'submitted' });
    expect(changed.statusCode, changed.body).toBe(200);
    const { id: otherId } = await enteredMeasure(officer, { code: 'ENTRY-2', isKey: true }, enterer.personId);
    await keptAndFresh();

    const at = await version();
    const submitted = await enterer.api('PUT', `/api/v1/measures/${otherId}/values/${PERIOD}`, {
      value: 40,
      commentary: 'Two staff vacancies in the quarter',
      action: 'submit',
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(await version()).toBeGreaterThan(at);
    const body = await seen(t.app, { url: '/api/v1/performance/dashboard', as: () => officer });
    expect((JSON.parse(body).keyMeasures as Listed[]).find((entry) => entry.code === 'ENTRY-2')).toMatchObject({
      status: 'red',
      value: '40.0%',
    });
    const after = await keptAndFresh();
    expect(after.kept).toEqual(after.fresh);
  });
});
