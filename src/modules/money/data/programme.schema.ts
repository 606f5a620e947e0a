/**
 * The money beyond revenue monitoring: the capital programme, reserves, prudential borrowing
 * indicators, the savings tracker, the medium-term financial strategy and the links from cost
 * centres to the plan items they fund. Years are kept as the year the financial year starts in
 * (2025 = 2025/26); amounts are whole pence in a bigint.
 */
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { units } from '../../organisation/index.ts';
import { actions } from '../../actions/index.ts';
import { planItems } from '../../plans/index.ts';
import { costCentres } from './money.schema.ts';
import {
  tenantForeignKey,
  tenantId,
  tenantOrganisationId,
  tenantPrimaryKey,
} from '../../../platform/tenancy/tenant-keys.ts';

const pence = (name: string) => bigint(name, { mode: 'number' });
const startYear = () => integer('start_year').notNull();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** A capital scheme, owned by a unit. */
export const capitalSchemes = pgTable(
  'money_capital_schemes',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    unitId: uuid('unit_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('money_capital_schemes_org_code_key').on(t.organisationId, t.code),
    tenantPrimaryKey(t),
    tenantForeignKey('money_capital_schemes_unit_id_fk', t.organisationId, t.unitId, units),
  ],
);

/** A scheme's year: budget and how it is funded, spend to date, forecast and slippage into later years. */
export const capitalSchemeYears = pgTable(
  'money_capital_scheme_years',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    schemeId: uuid('scheme_id').notNull(),
    startYear: startYear(),
    budget: pence('budget').notNull(),
    spendToDate: pence('spend_to_date').notNull(),
    forecast: pence('forecast').notNull(),
    /** Budget moved (reprofiled) into later years: not an underspend. */
    slippage: pence('slippage').notNull(),
    slippageReason: text('slippage_reason').notNull().default(''),
    borrowing: pence('borrowing').notNull(),
    grants: pence('grants').notNull(),
    receipts: pence('receipts').notNull(),
    revenueContributions: pence('revenue_contributions').notNull(),
    explanation: text('explanation').notNull().default(''),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantPrimaryKey(t),
    uniqueIndex('money_capital_scheme_years_key').on(t.schemeId, t.startYear, t.organisationId),
    index('money_capital_scheme_years_org_idx').on(t.organisationId, t.startYear),
    tenantForeignKey('money_capital_scheme_years_scheme_id_fk', t.organisationId, t.schemeId, capitalSchemes),
  ],
);

/** A reserve: the general fund balance or an earmarked reserve. */
export const reserves = pgTable(
  'money_reserves',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    name: text('name').notNull(),
    /** general | earmarked */
    kind: text('kind').notNull(),
    purpose: text('purpose').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('money_reserves_org_name_key').on(t.organisationId, t.name),
    check('money_reserves_kind', sql`${t.kind} in ('general', 'earmarked')`),
    tenantPrimaryKey(t),
  ],
);

export const reserveYears = pgTable(
  'money_reserve_years',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    reserveId: uuid('reserve_id').notNull(),
    startYear: startYear(),
    openingBalance: pence('opening_balance').notNull(),
    contributions: pence('contributions').notNull(),
    plannedUse: pence('planned_use').notNull(),
    forecastUse: pence('forecast_use').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantPrimaryKey(t),
    uniqueIndex('money_reserve_years_key').on(t.reserveId, t.startYear, t.organisationId),
    tenantForeignKey('money_reserve_years_reserve_id_fk', t.organisationId, t.reserveId, reserves),
  ],
);

/** The prudential indicators for borrowing in a year, and the external borrowing against them. */
export const borrowingYears = pgTable(
  'money_borrowing_years',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    startYear: startYear(),
    capitalFinancingRequirement: pence('capital_financing_requirement').notNull(),
    externalBorrowing: pence('external_borrowing').notNull(),
    operationalBoundary: pence('operational_boundary').notNull(),
    authorisedLimit: pence('authorised_limit').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantPrimaryKey(t),
    uniqueIndex('money_borrowing_years_key').on(t.organisationId, t.startYear),
    check('money_borrowing_limit_order', sql`${t.authorisedLimit} >= ${t.operationalBoundary}`),
  ],
);

/** A savings proposal, owned by a unit, delivered through a plan item or an action. */
export const savings = pgTable(
  'money_savings',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    reference: text('reference').notNull(),
    title: text('title').notNull(),
    owner: text('owner').notNull(),
    unitId: uuid('unit_id').notNull(),
    /** Deliverability: green | amber | red. */
    rag: text('rag').notNull(),
    planItemId: uuid('plan_item_id'),
    actionId: uuid('action_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('money_savings_org_reference_key').on(t.organisationId, t.reference),
    check('money_savings_rag', sql`${t.rag} in ('green', 'amber', 'red')`),
    tenantPrimaryKey(t),
    tenantForeignKey('money_savings_unit_id_fk', t.organisationId, t.unitId, units),
    tenantForeignKey('money_savings_plan_item_id_fk', t.organisationId, t.planItemId, planItems),
    tenantForeignKey('money_savings_action_id_fk', t.organisationId, t.actionId, actions),
  ],
);

export const savingYears = pgTable(
  'money_saving_years',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    savingId: uuid('saving_id').notNull(),
    startYear: startYear(),
    target: pence('target').notNull(),
    delivered: pence('delivered').notNull(),
    forecast: pence('forecast').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantPrimaryKey(t),
    uniqueIndex('money_saving_years_key').on(t.savingId, t.startYear, t.organisationId),
    index('money_saving_years_org_idx').on(t.organisationId, t.startYear),
    tenantForeignKey('money_saving_years_saving_id_fk', t.organisationId, t.savingId, savings),
  ],
);

/** One budget-setting round's medium-term financial strategy, covering three years from its first. */
export const mtfsVersions = pgTable(
  'money_mtfs_versions',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    name: text('name').notNull(),
    firstYear: integer('first_year').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('money_mtfs_versions_org_name_key').on(t.organisationId, t.name), tenantPrimaryKey(t)],
);

export const mtfsYears = pgTable(
  'money_mtfs_years',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    versionId: uuid('version_id').notNull(),
    startYear: startYear(),
    funding: pence('funding').notNull(),
    baseSpending: pence('base_spending').notNull(),
    pressures: pence('pressures').notNull(),
    plannedReserveUse: pence('planned_reserve_use').notNull(),
    assumptions: text('assumptions').notNull().default(''),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantPrimaryKey(t),
    uniqueIndex('money_mtfs_years_key').on(t.versionId, t.startYear, t.organisationId),
    tenantForeignKey('money_mtfs_years_version_id_fk', t.organisationId, t.versionId, mtfsVersions),
  ],
);

/** A cost centre funds a plan item (objectives "will reflect agreed budgets"). */
export const costCentrePlanLinks = pgTable(
  'money_cost_centre_plan_links',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    costCentreId: uuid('cost_centre_id').notNull(),
    planItemId: uuid('plan_item_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    uniqueIndex('money_cost_centre_plan_links_key').on(t.costCentreId, t.planItemId, t.organisationId),
    index('money_cost_centre_plan_links_item_idx').on(t.planItemId),
    tenantForeignKey('money_cost_centre_plan_links_cost_centre_id_fk', t.organisationId, t.costCentreId, costCentres),
    tenantForeignKey('money_cost_centre_plan_links_plan_item_id_fk', t.organisationId, t.planItemId, planItems),
  ],
);

/**
 * A request to move part of a capital scheme's budget from one year into a later one. The years'
 * budgets move only when someone other than the requester approves it; a rejection keeps its reason.
 */
export const capitalReprofiles = pgTable(
  'money_capital_reprofiles',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    schemeId: uuid('scheme_id').notNull(),
    fromYear: integer('from_year').notNull(),
    toYear: integer('to_year').notNull(),
    amount: pence('amount').notNull(),
    reason: text('reason').notNull(),
    /** pending | approved | rejected */
    status: text('status').notNull().default('pending'),
    requestedBy: uuid('requested_by').notNull(),
    requestedByName: text('requested_by_name').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by'),
    decidedByName: text('decided_by_name'),
    decisionReason: text('decision_reason').notNull().default(''),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    tenantPrimaryKey(t),
    index('money_capital_reprofiles_scheme_idx').on(t.organisationId, t.schemeId),
    check('money_capital_reprofiles_later', sql`${t.toYear} > ${t.fromYear}`),
    check('money_capital_reprofiles_amount', sql`${t.amount} > 0`),
    check('money_capital_reprofiles_status', sql`${t.status} in ('pending', 'approved', 'rejected')`),
    tenantForeignKey('money_capital_reprofiles_scheme_id_fk', t.organisationId, t.schemeId, capitalSchemes),
  ],
);
