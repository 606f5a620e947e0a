import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from '../../../platform/tenancy/organisations.schema.ts';
import { units } from '../../organisation/index.ts';
import {
  tenantForeignKey,
  tenantId,
  tenantOrganisationId,
  tenantPrimaryKey,
} from '../../../platform/tenancy/tenant-keys.ts';

/** Money is whole pence in a bigint, never a double; read back as a JS number (exact below 2^53). */
const pence = (name: string) => bigint(name, { mode: 'number' });

/** The council's variance bands (absent: amber over 2%, red over 5% of the revised budget). */
export const moneySettings = pgTable(
  'money_settings',
  {
    organisationId: uuid('organisation_id')
      .primaryKey()
      .references(() => organisations.id),
    amberOverBasisPoints: integer('amber_over_basis_points').notNull(),
    redOverBasisPoints: integer('red_over_basis_points').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('money_settings_bands_order', sql`${t.redOverBasisPoints} > ${t.amberOverBasisPoints}`)],
);

/** A financial year (1 April to 31 March), named by the year it starts in. */
export const financialYears = pgTable(
  'money_financial_years',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    startYear: integer('start_year').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('money_financial_years_org_year_key').on(t.organisationId, t.startYear), tenantPrimaryKey(t)],
);

/** A cost centre of the finance system, owned by a unit of the organisation. Codes are upper case. */
export const costCentres = pgTable(
  'money_cost_centres',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    unitId: uuid('unit_id').notNull(),
    /** A retired cost centre keeps its lines and history but takes no new lines. */
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('money_cost_centres_org_code_key').on(t.organisationId, t.code),
    index('money_cost_centres_unit_idx').on(t.unitId),
    tenantPrimaryKey(t),
    tenantForeignKey('money_cost_centres_unit_id_fk', t.organisationId, t.unitId, units),
  ],
);

/** One cost centre's revenue position in one period (month 1 = April) of a financial year. */
export const budgetLines = pgTable(
  'money_budget_lines',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    costCentreId: uuid('cost_centre_id').notNull(),
    financialYearId: uuid('financial_year_id').notNull(),
    month: smallint('month').notNull(),
    originalBudget: pence('original_budget').notNull(),
    virements: pence('virements').notNull(),
    budgetToDate: pence('budget_to_date').notNull(),
    actualToDate: pence('actual_to_date').notNull(),
    previousForecast: pence('previous_forecast').notNull(),
    forecastBeforeAction: pence('forecast_before_action').notNull(),
    latestForecast: pence('latest_forecast').notNull(),
    grossExpenditureForecast: pence('gross_expenditure_forecast'),
    incomeForecast: pence('income_forecast'),
    explanation: text('explanation').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    uniqueIndex('money_budget_lines_period_key').on(t.costCentreId, t.financialYearId, t.month, t.organisationId),
    index('money_budget_lines_org_period_idx').on(t.organisationId, t.financialYearId, t.month),
    check('money_budget_lines_month', sql`${t.month} between 1 and 12`),
    tenantForeignKey('money_budget_lines_cost_centre_id_fk', t.organisationId, t.costCentreId, costCentres),
    tenantForeignKey('money_budget_lines_financial_year_id_fk', t.organisationId, t.financialYearId, financialYears),
  ],
);
