/**
 * A small council for the sign-off tests: a directorate with a service (whose head is named) and
 * another service; people holding roles at each; a governance body with one member; and measures
 * owned by the services, with values entered and submitted by a performance officer.
 */
import { eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import {
  auditEvents,
  governanceBodies,
  governanceBodyMembers,
  measureValueEvents,
  measureValues,
  units,
} from '../../src/schema.ts';
import { measureBody } from './measure-fixtures.ts';
import { createTestApp, type Agent, type DatabaseKind } from './test-app.ts';

// "Today" is 20 November 2025: 2025/26 Q2 and every quarter before it have ended.
export const TODAY = new Date('2025-11-20T10:00:00Z');

export async function signOffCouncil(kind: DatabaseKind) {
  const t = await createTestApp(kind, { clock: () => TODAY });
  const db = t.deps.database.db;
  const unit = async (code: string, name: string, parentId: string, unitKind: 'directorate' | 'service') => {
    const [row] = await db
      .insert(units)
      .values({ organisationId: t.org.id, parentId, code, name, kind: unitKind })
      .returning();
    return row!.id;
  };
  const directorate = await unit('ADULTS', 'Adults directorate', t.org.rootUnitId, 'directorate');
  const service = await unit('HOMECARE', 'Home care', directorate, 'service');
  const otherService = await unit('LIBRARIES', 'Libraries', t.org.rootUnitId, 'service');

  const officer = await t.as('performance-officer');
  const admin = await t.as('administrator');
  const director = await t.as('director', { unitId: directorate });
  const manager = await t.as('manager', { unitId: service });
  const otherManager = await t.as('manager', { unitId: otherService });
  const head = await t.as('viewer');
  await db.update(units).set({ headPersonId: head.personId }).where(eq(units.id, service));
  const boardMember = await t.as('viewer');
  const [board] = await db
    .insert(governanceBodies)
    .values({ organisationId: t.org.id, name: 'Performance Board', kind: 'board', frameworkRoles: ['approves'] })
    .returning();
  await db
    .insert(governanceBodyMembers)
    .values({ organisationId: t.org.id, bodyId: board!.id, personId: boardMember.personId });

  let counter = 0;
  /** A quarterly count measure owned by a unit (monitoring only, so no commentary is required). */
  async function newMeasure(ownerUnitId: string, more: Record<string, unknown> = {}): Promise<string> {
    counter += 1;
    const created = await officer.api(
      'POST',
      '/api/v1/measures',
      measureBody({
        code: `SQ-${counter}`,
        title: `Sign-off measure ${counter}`,
        unit: 'number',
        decimalPlaces: 0,
        polarity: 'none',
        frequency: 'quarterly',
        ownerUnitId,
        ...more,
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    return created.json<{ id: string }>().id;
  }

  /** Enters and submits a value; returns the value's id. */
  async function submit(
    by: Agent,
    measureId: string,
    periodKey: string,
    value = 36,
    more: Record<string, unknown> = {},
  ) {
    const put = await by.api('PUT', `/api/v1/measures/${measureId}/values/${periodKey}`, {
      value,
      action: 'submit',
      ...more,
    });
    expect(put.statusCode, put.body).toBe(200);
    return put.json<{ id: string }>().id;
  }

  const step = (agent: Agent, valueId: string, action: string, reason = '') =>
    agent.api('POST', `/api/v1/values/${valueId}/transitions`, { action, reason });

  const queue = async (agent: Agent) => {
    const response = await agent.api('GET', '/api/v1/sign-off/queue');
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{
      counts: { verify: number; approve: number };
      items: {
        valueId: string;
        step: string;
        periodKey: string;
        code: string;
        breakdown: { id: string; dimension: string; label: string } | null;
      }[];
    }>();
  };

  const counts = async () => {
    const n = async (table: typeof measureValues | typeof measureValueEvents | typeof auditEvents) =>
      (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
    return { values: await n(measureValues), events: await n(measureValueEvents), audit: await n(auditEvents) };
  };

  return {
    t,
    units: { directorate, service, otherService },
    board: board!.id,
    people: { officer, admin, director, manager, otherManager, head, boardMember },
    newMeasure,
    submit,
    step,
    queue,
    counts,
  };
}

export type SignOffCouncil = Awaited<ReturnType<typeof signOffCouncil>>;

export const resetRules = (s: SignOffCouncil) =>
  s.people.admin.api('PUT', '/api/v1/sign-off-chain', {
    chain: 'verify-then-approve',
    verify: { who: 'permission' },
    approve: { who: 'permission' },
  });
