import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sumMoney } from '../kernel/money.ts';
import { budgetLines, organisations, roleAssignments } from '../schema.ts';
import type { Caller } from '../platform/services/caller.ts';
import { createTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { DEMO_COST_CENTRES } from './demo-money.loader.ts';
import { moneyPosition } from '../modules/money/index.ts';
import { periodOfDate } from '../modules/money/domain/index.ts';

// The demo's revenue monitoring as the demo load leaves it (PGlite: plain inserts, nothing engine-specific).
describe('demo council revenue monitoring', () => {
  let t: TestApp;
  let caller: Caller;

  beforeAll(async () => {
    t = await createTestApp('pglite', { demo: true });
    const db = t.deps.database.db;
    const [org] = await db.select().from(organisations).where(eq(organisations.id, t.demo!.organisationId));
    const [grant] = await db.select().from(roleAssignments).where(eq(roleAssignments.role, 'finance-officer'));
    expect(grant).toBeDefined();
    caller = {
      kind: 'person',
      personId: grant!.personId,
      organisationId: org!.id,
      name: 'Head of Finance',
      partnerId: null,
      grants: [{ role: 'finance-officer', unitId: null }],
    };
  });
  afterAll(async () => t?.close());

  it('has a year of monthly lines up to the latest complete month, adding up, with its two variances explained', async () => {
    const lines = await t.deps.database.db
      .select()
      .from(budgetLines)
      .where(eq(budgetLines.organisationId, caller.organisationId));
    const months = new Set(lines.map((line) => line.month));
    expect(lines.length).toBe(DEMO_COST_CENTRES.length * months.size);
    const view = await t.deps.services.revenue.summary(caller);
    expect(view.ok).toBe(true);
    if (!view.ok) return;
    const { summary } = view.value;
    expect(view.value.period.month).toBe(Math.max(...months));
    expect(summary.directorates.map((d) => d.directorate.name)).toEqual([
      'Communities and Housing',
      'Place and Environment',
      'Resources',
      'Strategy and Governance',
    ]);
    // A borough-sized net budget (about £24 million), exact to the penny across directorates.
    expect(summary.totals.revisedBudget).toBe(sumMoney(summary.directorates.map((d) => d.totals.revisedBudget)));
    expect(summary.totals.revisedBudget / 100).toBeGreaterThan(20_000_000);
    const flagged = summary.directorates
      .flatMap((d) => d.units.flatMap((u) => u.costCentres))
      .filter((c) => c.totals.band !== 'green');
    expect(flagged.map((c) => [c.line.costCentreCode, c.totals.band])).toEqual([
      ['HSN02', 'red'],
      ['STS03', 'amber'],
    ]);
    expect(flagged.every((c) => c.line.explanation.length > 0)).toBe(true);
  });

  it('has a capital programme, reserves, borrowing within its limits, savings with a shortfall and a three-year MTFS', async () => {
    const db = t.deps.database.db;
    const period = periodOfDate(t.deps.clock.today());
    const position = await moneyPosition(db, caller.organisationId, period);
    // Borough-sized: about £19 million of capital, funding adding up to the budget to the penny.
    expect(position.capital.budget / 100).toBeGreaterThan(15_000_000);
    expect(position.capital.funding).toBe(position.capital.budget);
    expect(position.reserves.general.openingBalance / 100).toBe(3_200_000);
    expect(position.borrowing?.status).toBe('within');
    expect(position.savings.shortfall / 100).toBe(380_000);
    const versions = await t.deps.services.mtfs.versions(caller);
    expect(versions.ok && versions.value.versions).toHaveLength(1);
    if (!versions.ok) return;
    const mtfs = await t.deps.services.mtfs.version(caller, versions.value.versions[0]!.id);
    expect(mtfs.ok && mtfs.value.years.every((row) => row.year !== null)).toBe(true);
  });
});
