import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  governanceBodies,
  governanceBodyMembers,
  measureValueEvents,
  measureValues,
} from '../../../schema.ts';
import { measureBody } from '../../../../test/helpers/measure-fixtures.ts';
import { createTestApp, DATABASES, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';

// "Today" is 20 November 2025: 2025/26 Q2 has ended, Q3 has not.
const today = new Date('2025-11-20T10:00:00Z');
const csv = (rows: (string | number)[][]) =>
  ['measureCode,periodKey,value,status,commentary', ...rows.map((row) => row.join(','))].join('\n');
const HISTORY: (string | number)[][] = [
  ['IMP-1', '2023-24-Q4', 34, '', ''],
  ['IMP-1', '2024-25-Q1', 38, '', ''],
  ['IMP-1', '2024-25-Q2', 35, '', ''],
  ['IMP-1', '2024-25-Q3', 37, '', ''],
  ['IMP-1', '2024-25-Q4', 36, '', ''],
  ['IMP-1', '2025-26-Q1', 36, '', ''],
];

describe.each(DATABASES)('imported values and sign-off on %s', (kind) => {
  let t: TestApp;
  let officer: Agent;
  let manager: Agent;
  const send = (agent: Agent, body: string, query = '') =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/imports/values${query}`,
      headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrf, 'content-type': 'text/csv' },
      payload: body,
    });
  const counts = async () => {
    const db = t.deps.database.db;
    const n = async (table: typeof measureValues | typeof measureValueEvents | typeof auditEvents) =>
      (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
    return { values: await n(measureValues), events: await n(measureValueEvents), audit: await n(auditEvents) };
  };

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: () => today });
    officer = await t.as('performance-officer');
    manager = await t.as('manager');
    const created = await officer.api(
      'POST',
      '/api/v1/measures',
      measureBody({ code: 'IMP-1', unit: 'number', decimalPlaces: 0, polarity: 'none' }),
    );
    expect(created.statusCode).toBe(201);
  });
  afterAll(async () => t?.close());

  it('lands values as submitted, refuses signed-off statuses and future periods by line, writing nothing', async () => {
    const before = await counts();
    const refused = await send(
      officer,
      csv([
        ['IMP-1', '2025-26-Q1', 36, 'approved', ''],
        ['IMP-1', '2025-26-Q3', 36, '', ''],
      ]),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([
      {
        field: 'line 2, status',
        message:
          'Imported values land as submitted, not approved: leave the status blank, or load the file as approved history',
      },
      {
        field: 'line 3, periodKey',
        message: '2025/26 Q3 has not ended yet (it ends on 31 December 2025): enter its value once the period is over',
      },
    ]);
    expect(await counts()).toEqual(before);
    const loaded = await send(officer, csv(HISTORY));
    expect(loaded.json()).toMatchObject({ created: 6, written: true });
    const stored = await t.deps.database.db.select().from(measureValues);
    expect(new Set(stored.map((row) => row.status))).toEqual(new Set(['submitted']));
  });

  it('warns about an implausible figure by line and writes it only when acknowledged', async () => {
    const before = await counts();
    const file = csv([['IMP-1', '2025-26-Q2', 999999, '', 'New counting']]);
    const warned = await send(officer, file);
    expect(warned.statusCode).toBe(400);
    expect(warned.json().errors).toEqual([
      {
        field: 'line 2, value',
        message:
          'Check this figure: 999,999 is 27,000 times the usual figure of 36 — check the units. Import again with the warnings acknowledged to load it',
      },
    ]);
    expect(await counts()).toEqual(before);
    expect((await send(officer, file, '?acknowledgeWarnings=true')).json()).toMatchObject({ created: 1 });
  });

  it('loads approved history only for someone who may approve every measure, recorded as their approval', async () => {
    const history = csv([['IMP-1', '2022-23-Q4', 35, '', '']]);
    // Today every role that may import may also approve, so the per-measure refusal is not reachable here.
    expect((await send(manager, history, '?approveHistory=true')).statusCode).toBe(403);
    const before = await counts();
    const approved = await send(officer, history, '?approveHistory=true');
    expect(approved.json()).toMatchObject({ created: 1, written: true });
    const [value] = await t.deps.database.db
      .select()
      .from(measureValues)
      .where(eq(measureValues.periodKey, '2022-23-Q4'));
    expect(value!.status).toBe('approved');
    const [event] = await t.deps.database.db
      .select()
      .from(measureValueEvents)
      .where(eq(measureValueEvents.valueId, value!.id));
    expect(event).toMatchObject({ toStatus: 'approved', actorPersonId: officer.personId });
    expect(event!.reason).toContain('approved as history by the person importing it');
    const after = await counts();
    expect(after.audit - before.audit).toBe(2);
    const [approval] = await t.deps.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'approve'));
    expect(approval).toMatchObject({ entityType: 'import', actorPersonId: officer.personId });
  });

  it("loads approved history only for who approves under the council's own rule", async () => {
    // The council gives approval to its Performance Panel: a performance officer outside it holds
    // approve:values but is not the approving right, so cannot load history as approved.
    const db = t.deps.database.db;
    const [panel] = await db
      .insert(governanceBodies)
      .values({ organisationId: t.org.id, name: 'Performance Panel', kind: 'panel', frameworkRoles: ['approves'] })
      .returning();
    const admin = await t.as('administrator');
    const rule = await admin.api('PUT', '/api/v1/sign-off-chain', {
      chain: 'verify-then-approve',
      approve: { who: 'body', bodyId: panel!.id },
    });
    expect(rule.statusCode, rule.body).toBe(200);
    const outsider = await t.as('performance-officer');
    const history = csv([['IMP-1', '2021-22-Q4', 33, '', '']]);
    const before = await counts();
    const refused = await send(outsider, history, '?approveHistory=true');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({
      field: 'line 2, measureCode',
      message: 'You cannot load IMP-1 as approved history: only someone who can approve its values can',
    });
    expect(await counts()).toEqual(before);
    await db
      .insert(governanceBodyMembers)
      .values({ organisationId: t.org.id, bodyId: panel!.id, personId: outsider.personId });
    expect((await send(outsider, history, '?approveHistory=true')).json()).toMatchObject({ created: 1, written: true });
  });
});
