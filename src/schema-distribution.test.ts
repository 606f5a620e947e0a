/**
 * The schema stays ready to be distributed by organisation (Citus, docs/scaling.md "A national
 * service"): every table carries organisation_id, or is listed below with the reason it need not;
 * and a foreign key between two tenant tables includes organisation_id, or is listed as one still
 * to be made composite. The lists only shrink: a new table or key that breaks the rule fails here,
 * and so does a listed entry that no longer exists (take it off the list).
 */
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from './schema.ts';

/** Tables without organisation_id, and why. */
const NOT_KEYED_BY_ORGANISATION: Record<string, string> = {
  organisations: 'the tenants themselves: distributed by id (their organisation id), co-located with the rest',
  scheduled_jobs: "the job runner's own timetable across every council (one row per job name): a local table",
  sign_in_throttles: 'keyed by account and address before anyone is known to belong to a council: a local table',
  rate_limit_windows: 'counts requests per address and window before a council is known: a local table',
  // Join tables reached only through a tenant row on both sides; to be given organisation_id (and
  // composite keys) in the migration that distributes, so Citus can co-locate them.
  governance_body_members: 'join of a body and a person of the same council: to gain organisation_id',
  plan_item_partners: 'join of a plan item and a partner of the same council: to gain organisation_id',
  plan_type_item_types: "join within one council's framework: to gain organisation_id",
  plan_type_parents: "join within one council's framework: to gain organisation_id",
  portfolio_units: 'join of a portfolio and a unit of the same council: to gain organisation_id',
};

/**
 * Single-column foreign keys between tenant tables (`table.column -> referenced table`). Correct
 * on one database (ids are random UUIDs and every query is scoped by organisation), but Citus only
 * enforces a key between distributed tables when it includes the distribution column: each becomes
 * (organisation_id, column) -> (organisation_id, id) when the schema is distributed.
 */
const SINGLE_COLUMN_TENANT_KEYS = new Set([
  'agenda_item_papers.agenda_item_id -> agenda_items',
  'agenda_item_papers.uploaded_by_person_id -> people',
  'money_capital_reprofiles.scheme_id -> money_capital_schemes',
  'report_files.report_id -> issued_reports',
  'report_settings.updated_by -> people',
  'single_sign_on_identities.person_id -> people',
  'single_sign_on_mappings.unit_id -> units',
  'timetable_reminders.meeting_id -> meetings',
  'timetable_reminders.person_id -> people',
  'action_assignees.action_id -> actions',
  'action_assignees.person_id -> people',
  'action_escalations.action_id -> actions',
  'action_escalations.escalation_owner_person_id -> people',
  'action_escalations.decided_by_person_id -> people',
  'action_events.action_id -> actions',
  'action_events.by_person_id -> people',
  'action_item_links.action_id -> actions',
  'action_item_links.item_id -> plan_items',
  'action_measure_links.action_id -> actions',
  'action_measure_links.measure_id -> measures',
  'action_milestones.action_id -> actions',
  'action_updates.action_id -> actions',
  'action_updates.by_person_id -> people',
  'actions.plan_id -> plans',
  'actions.owner_person_id -> people',
  'actions.escalation_owner_person_id -> people',
  'agenda_items.meeting_id -> meetings',
  'agenda_items.lead_officer_person_id -> people',
  'agenda_items.referred_from_item_id -> agenda_items',
  'agenda_items.decided_by_person_id -> people',
  'api_tokens.person_id -> people',
  'approval_steps.plan_type_id -> plan_types',
  'approval_steps.body_id -> governance_bodies',
  'money_budget_lines.cost_centre_id -> money_cost_centres',
  'money_budget_lines.financial_year_id -> money_financial_years',
  'money_capital_scheme_years.scheme_id -> money_capital_schemes',
  'money_capital_schemes.unit_id -> units',
  'collection_rules.verify_body_id -> governance_bodies',
  'collection_rules.approve_body_id -> governance_bodies',
  'collection_rules.updated_by -> people',
  'contribution_links.from_item_id -> plan_items',
  'contribution_links.to_item_id -> plan_items',
  'money_cost_centre_plan_links.cost_centre_id -> money_cost_centres',
  'money_cost_centre_plan_links.plan_item_id -> plan_items',
  'money_cost_centres.unit_id -> units',
  'delivery_settings.updated_by -> people',
  'forecast_choices.measure_id -> measures',
  'improvement_plan_decisions.plan_id -> improvement_plans',
  'improvement_plan_decisions.body_id -> governance_bodies',
  'improvement_plan_decisions.recorded_by_person_id -> people',
  'improvement_plan_events.plan_id -> improvement_plans',
  'improvement_plan_events.person_id -> people',
  'improvement_plan_requests.measure_id -> measures',
  'improvement_plan_requests.owner_person_id -> people',
  'improvement_plan_settings.panel_body_id -> governance_bodies',
  'improvement_plans.measure_id -> measures',
  'improvement_plans.request_id -> improvement_plan_requests',
  'improvement_plans.owner_person_id -> people',
  'issued_reports.definition_id -> report_definitions',
  'measure_assignees.measure_id -> measures',
  'measure_assignees.person_id -> people',
  'measure_assignees.added_by -> people',
  'measure_breakdowns.measure_id -> measures',
  'measure_item_links.measure_id -> measures',
  'measure_item_links.item_id -> plan_items',
  'measure_item_links.added_by -> people',
  'measure_series.measure_id -> measures',
  'measure_statuses.measure_id -> measures',
  'measure_statuses.breakdown_id -> measure_breakdowns',
  'measure_targets.measure_id -> measures',
  'measure_targets.breakdown_id -> measure_breakdowns',
  'measure_targets.set_by -> people',
  'measure_targets.superseded_by -> measure_targets',
  'measure_value_events.value_id -> measure_values',
  'measure_value_events.measure_id -> measures',
  'measure_value_events.actor_person_id -> people',
  'measure_values.measure_id -> measures',
  'measure_values.breakdown_id -> measure_breakdowns',
  'measure_values.entered_by -> people',
  'measure_values.updated_by -> people',
  'measures.owner_person_id -> people',
  'measures.owner_unit_id -> units',
  'measures.verifier_person_id -> people',
  'meetings.body_id -> governance_bodies',
  'member_requests.meeting_id -> meetings',
  'member_requests.agenda_item_id -> agenda_items',
  'member_requests.raised_by_person_id -> people',
  'member_requests.addressee_person_id -> people',
  'member_requests.answered_by_person_id -> people',
  'money_mtfs_years.version_id -> money_mtfs_versions',
  'password_links.person_id -> people',
  'password_links.created_by -> people',
  'people.unit_id -> units',
  'people.partner_id -> partners',
  'people.line_manager_id -> people',
  'performance_settings.updated_by -> people',
  'period_closures.closed_by -> people',
  'period_closures.reopened_by -> people',
  'period_locks.measure_id -> measures',
  'period_locks.locked_by -> people',
  'period_locks.reopened_by -> people',
  'plan_events.plan_id -> plans',
  'plan_events.actor_person_id -> people',
  'plan_items.plan_id -> plans',
  'plan_items.item_type_id -> item_types',
  'plan_items.owner_person_id -> people',
  'plan_items.owner_unit_id -> units',
  'plan_items.parent_item_id -> plan_items',
  'plan_items.previous_item_id -> plan_items',
  'plans.plan_type_id -> plan_types',
  'plans.owning_unit_id -> units',
  'plans.owner_person_id -> people',
  'plans.parent_plan_id -> plans',
  'plans.previous_version_id -> plans',
  'portfolios.holder_person_id -> people',
  'programmes.sponsor_person_id -> people',
  'programmes.manager_person_id -> people',
  'programmes.unit_id -> units',
  'project_items.project_id -> projects',
  'project_items.item_id -> plan_items',
  'project_milestones.project_id -> projects',
  'project_milestones.stage_id -> project_stages',
  'project_stages.project_id -> projects',
  'project_updates.project_id -> projects',
  'project_updates.author_person_id -> people',
  'projects.programme_id -> programmes',
  'projects.plan_id -> plans',
  'projects.unit_id -> units',
  'projects.sponsor_person_id -> people',
  'projects.manager_person_id -> people',
  'projects.board_id -> governance_bodies',
  'recommendation_due_date_revisions.recommendation_id -> recommendations',
  'recommendation_due_date_revisions.body_id -> governance_bodies',
  'recommendation_history.recommendation_id -> recommendations',
  'recommendation_notifications.recommendation_id -> recommendations',
  'recommendation_notifications.person_id -> people',
  'recommendations.report_id -> recommendation_reports',
  'recommendations.owner_person_id -> people',
  'recommendations.unit_id -> units',
  'recovery_codes.person_id -> people',
  'reminders_sent.measure_id -> measures',
  'reminders_sent.person_id -> people',
  'report_revisions.report_id -> issued_reports',
  'report_revisions.issued_by_person_id -> people',
  'money_reserve_years.reserve_id -> money_reserves',
  'risk_assessments.risk_id -> risks',
  'risk_assessments.matrix_id -> risk_matrices',
  'risk_assessments.assessed_by -> people',
  'risk_controls.risk_id -> risks',
  'risk_controls.owner_person_id -> people',
  'risk_events.risk_id -> risks',
  'risk_events.from_register_id -> risk_registers',
  'risk_events.to_register_id -> risk_registers',
  'risk_events.by_person_id -> people',
  'risk_links.risk_id -> risks',
  'risk_links.item_id -> plan_items',
  'risk_links.measure_id -> measures',
  'risk_links.action_id -> actions',
  'risk_matrices.created_by -> people',
  'risk_registers.unit_id -> units',
  'risk_registers.owner_person_id -> people',
  'risk_review_reminders.risk_id -> risks',
  'risks.register_id -> risk_registers',
  'risks.owner_person_id -> people',
  'role_assignments.person_id -> people',
  'role_assignments.unit_id -> units',
  'role_assignments.partner_id -> partners',
  'role_assignments.granted_by -> people',
  'money_saving_years.saving_id -> money_savings',
  'money_savings.unit_id -> units',
  'money_savings.plan_item_id -> plan_items',
  'money_savings.action_id -> actions',
  'second_factors.person_id -> people',
  'sessions.person_id -> people',
  'spc_rebases.measure_id -> measures',
  'spc_rebases.created_by -> people',
  'statutory_returns.owner_person_id -> people',
  'units.parent_id -> units',
]);

const tables = (Object.values(schema) as unknown[])
  .filter((value): value is PgTable => is(value, PgTable))
  .map((table) => getTableConfig(table));
const keyedByOrganisation = new Set(
  tables.filter((table) => table.columns.some((column) => column.name === 'organisation_id')).map((t) => t.name),
);

function tenantKeysWithoutOrganisation(): string[] {
  const found: string[] = [];
  for (const table of tables) {
    if (!keyedByOrganisation.has(table.name)) continue;
    for (const key of table.foreignKeys) {
      const reference = key.reference();
      const target = getTableConfig(reference.foreignTable).name;
      const columns = reference.columns.map((column) => column.name);
      if (keyedByOrganisation.has(target) && !columns.includes('organisation_id')) {
        found.push(`${table.name}.${columns.join(',')} -> ${target}`);
      }
    }
  }
  return found;
}

describe('the schema can be distributed by organisation', () => {
  it('reads every table of the schema', () => {
    // A guard on the reading itself: the schema has a hundred tables, most keyed by organisation.
    expect(tables.length).toBeGreaterThan(90);
    expect(keyedByOrganisation.has('measures')).toBe(true);
  });

  it('keys every table by organisation_id, or says why not', () => {
    const unkeyed = tables.map((t) => t.name).filter((name) => !keyedByOrganisation.has(name));
    expect(unkeyed.filter((name) => !(name in NOT_KEYED_BY_ORGANISATION))).toEqual([]);
    // A listed table that has gained organisation_id (or gone) comes off the list.
    expect(Object.keys(NOT_KEYED_BY_ORGANISATION).filter((name) => !unkeyed.includes(name))).toEqual([]);
  });

  it('adds no foreign key between tenant tables without organisation_id', () => {
    const found = tenantKeysWithoutOrganisation();
    expect(found.filter((key) => !SINGLE_COLUMN_TENANT_KEYS.has(key))).toEqual([]);
    expect([...SINGLE_COLUMN_TENANT_KEYS].filter((key) => !found.includes(key))).toEqual([]);
  });
});
