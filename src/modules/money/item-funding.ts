/**
 * The money module's side of the plans module's port: the cost centres that fund a plan item (an
 * objective), each with its budget and forecast from its latest period, so an objective's page
 * shows its budget (issue 18: "objectives will reflect agreed budgets"). Only the cost centres
 * whose budgets the caller may read; nothing for a person who may not see budgets.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { addMoney, formatMoney, moneyFromPence, sumMoney } from '../../kernel/money.ts';
import type { Db } from '../../platform/db/db.ts';
import { parsedRows } from '../../platform/db/rows.ts';
import type { Caller } from '../../platform/services/caller.ts';
import type { PlanPageFunding } from '../plans/index.ts';
import { periodLabel } from './domain/financial-period.ts';
import { say } from '../../platform/words/index.ts';
import { varianceOf } from './domain/variance.ts';
import { loadUnitAccess } from './unit-access.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const pence = z.coerce.number().int();

const fundingRow = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  unit_id: z.string(),
  start_year: z.coerce.number().int().nullable(),
  month: z.coerce.number().int().nullable(),
  original_budget: pence.nullable(),
  virements: pence.nullable(),
  latest_forecast: pence.nullable(),
});

/** Each linked cost centre with its latest stored line (none when it has no lines yet). */
async function fundingRows(db: Db, organisationId: string, itemId: string) {
  const result = await db.execute(sql`
    SELECT c.id, c.code, c.name, c.unit_id, l.start_year, l.month, l.original_budget, l.virements, l.latest_forecast
      FROM money_cost_centre_plan_links k
      JOIN money_cost_centres c ON c.id = k.cost_centre_id AND c.organisation_id = k.organisation_id
      LEFT JOIN LATERAL (
        SELECT y.start_year, b.month, b.original_budget, b.virements, b.latest_forecast
          FROM money_budget_lines b
          JOIN money_financial_years y ON y.id = b.financial_year_id
         WHERE b.organisation_id = ${organisationId} AND b.cost_centre_id = c.id
         ORDER BY y.start_year DESC, b.month DESC
         LIMIT 1
      ) l ON true
     WHERE k.organisation_id = ${organisationId} AND k.plan_item_id = ${itemId}
     ORDER BY c.code`);
  return parsedRows(fundingRow, result);
}

export interface ItemFundingView {
  rows: {
    id: string;
    code: string;
    name: string;
    period: string;
    revisedBudget: string;
    forecast: string;
    variance: string;
  }[];
  /** Totals over the cost centres that have lines; null when none has. */
  total: { revisedBudget: string; forecast: string; variance: string } | null;
}

export async function fundingOfItem(db: Db, caller: Caller, itemId: string): Promise<ItemFundingView | null> {
  if (!UUID.test(itemId)) return null;
  const access = await loadUnitAccess(db, caller);
  if (!(await access.policy.can(caller, 'view:money', 'anywhere'))) return null;
  const readable = await access.unitsWhere('view:money');
  const rows = (await fundingRows(db, caller.organisationId, itemId)).filter((row) => readable.has(row.unit_id));
  if (rows.length === 0) return null;
  const figures = rows.map((row) => {
    if (row.start_year === null || row.month === null) return { row, money: null };
    const revisedBudget = addMoney(moneyFromPence(row.original_budget ?? 0), moneyFromPence(row.virements ?? 0));
    const forecast = moneyFromPence(row.latest_forecast ?? 0);
    return { row, money: { revisedBudget, forecast, variance: varianceOf(revisedBudget, forecast) } };
  });
  const withLines = figures.flatMap(({ money }) => (money ? [money] : []));
  const total = (pick: (money: (typeof withLines)[number]) => ReturnType<typeof moneyFromPence>) =>
    formatMoney(sumMoney(withLines.map(pick)));
  return {
    rows: figures.map(({ row, money }) => ({
      id: row.id,
      code: row.code,
      name: row.name,
      period: row.start_year !== null && row.month !== null ? say(periodLabel(row.start_year, row.month)) : '',
      revisedBudget: money ? formatMoney(money.revisedBudget) : '',
      forecast: money ? formatMoney(money.forecast) : '',
      variance: money ? formatMoney(money.variance) : '',
    })),
    total:
      withLines.length === 0
        ? null
        : {
            revisedBudget: total((money) => money.revisedBudget),
            forecast: total((money) => money.forecast),
            variance: total((money) => money.variance),
          },
  };
}

/** Fills the plans module's port (src/container.ts). */
export function planPageFunding(db: Db): PlanPageFunding {
  return { fundingOfItem: (caller, itemId) => fundingOfItem(db, caller, itemId) };
}
