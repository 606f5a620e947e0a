// The demo council's actions (PGlite only: the load is the demo's, its SQL is tested on both
// databases in actions.int.test.ts): a realistic mix of statuses, one escalated and decided, and
// the objectives they serve rolled up from them.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people } from '../../../schema.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import type { Caller } from '../../../platform/services/caller.ts';

describe('the demo council’s actions', () => {
  let t: TestApp;
  let caller: Caller;
  beforeAll(async () => {
    t = await createTestApp('pglite', { demo: true, clock: () => new Date('2026-07-01T10:00:00Z') });
    const organisationId = t.demo!.organisationId;
    const [person] = await t.deps.database.db
      .select()
      .from(people)
      .where(eq(people.organisationId, organisationId))
      .limit(1);
    caller = {
      kind: 'person',
      personId: person!.id,
      organisationId,
      name: person!.name,
      partnerId: null,
      grants: [{ role: 'administrator', unitId: null }],
    };
  });
  afterAll(async () => t?.close());

  it('has actions on track, at risk, off track, complete and not started, linked to the Council Plan', async () => {
    const list = await t.deps.services.actions.list(caller);
    if (!list.ok) throw new Error(list.error.message);
    expect(list.value.map((a) => [a.code, a.status])).toEqual([
      ['A1', 'on-track'],
      ['A2', 'off-track'],
      ['A3', 'complete'],
      ['A4', 'on-track'],
      ['A5', 'off-track'],
      ['A6', 'at-risk'],
      ['A7', 'not-started'],
    ]);
    expect(new Set(list.value.map((a) => a.planTitle))).toEqual(new Set(['Council Plan 2025–2028']));
  });

  it('has one action escalated to its chief officer, who decided to re-plan it', async () => {
    const list = await t.deps.services.actions.list(caller);
    const a2 = list.ok ? list.value.find((a) => a.code === 'A2')! : null;
    const detail = await t.deps.services.actions.get(caller, a2!.id);
    if (!detail.ok) throw new Error(detail.error.message);
    expect(detail.value.escalations).toHaveLength(1);
    expect(detail.value.escalations[0]!.escalation.decision).toBe('re-plan');
    expect(detail.value.action.revisedDueDate).toBe(detail.value.escalations[0]!.escalation.newDueDate);
    expect(detail.value.updates.length).toBeGreaterThanOrEqual(2);
  });
});
